"""Rectangles on a PDF page, in points, origin at the bottom left (PDF's own convention)."""

from __future__ import annotations

from dataclasses import dataclass

POINTS_PER_MM = 72 / 25.4


@dataclass(frozen=True)
class Rect:
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def centre_x(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def centre_y(self) -> float:
        return (self.y0 + self.y1) / 2

    def overlap_width(self, other: Rect) -> float:
        """How far ``other`` overlaps this rectangle horizontally (0 when apart)."""
        return max(0.0, min(self.x1, other.x1) - max(self.x0, other.x0))

    def overlaps_vertically(self, other: Rect) -> bool:
        return min(self.y1, other.y1) > max(self.y0, other.y0)

    def as_tuple(self) -> tuple[float, float, float, float]:
        return (self.x0, self.y0, self.x1, self.y1)

    @classmethod
    def centred(cls, centre_x: float, centre_y: float, width: float, height: float) -> Rect:
        return cls(centre_x - width / 2, centre_y - height / 2,
                   centre_x + width / 2, centre_y + height / 2)
