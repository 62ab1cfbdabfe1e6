"""Where each of NĐ30's signatures goes, and whether a signature sits there: one set of
rules for ``plangen sign`` (which places) and ``plangen verify`` (which checks).

NĐ30 (Điều 13.7; Phụ lục I II.7.d, II.8; III.1.d):
- the signer's image is centred between the position line(s) and the name (ô 7c);
- the office's seal, at its real size, covers about the left third of the signer's image;
- an attachment in its own file is signed by the office at the top right of its first
  page, without image, showing the Số và ký hiệu and the signing time.
"""

from __future__ import annotations

from dataclasses import dataclass

from plangen.sign.geometry import POINTS_PER_MM, Rect
from plangen.sign.locate import Page, SignerBlock

# The signer's image fills at most this share of the gap's height (a little air above
# and below, so that it touches neither the position nor the name).
GAP_FILL = 0.9
# ... and is at most this wide (a signature wider than 8 cm would leave the column).
MAX_SIGNATURE_WIDTH = 80 * POINTS_PER_MM
# The seal's right edge is this share of the signer's image from its left edge.
SEAL_COVERS = 1 / 3
# The attachment's box (Mẫu 2.2 and 1.3 draw it ≈ 7.7 × 0.9 cm) sits in the top margin.
ATTACHMENT_WIDTH = 77 * POINTS_PER_MM
ATTACHMENT_HEIGHT = 9 * POINTS_PER_MM
ATTACHMENT_PADDING = 2.0
TOP_MARGIN_GAP = 3 * POINTS_PER_MM
# What verify accepts: centred within 0.5 cm, the seal covering 20–50 % of the image.
CENTRE_TOLERANCE = 5 * POINTS_PER_MM
SEAL_COVER_RANGE = (0.2, 0.5)


@dataclass(frozen=True)
class ImageSize:
    """An image's size in pixels and, when the PNG records it, in points."""

    width_px: int
    height_px: int
    width_pt: float | None = None

    @property
    def aspect(self) -> float:
        """Width over height."""
        return self.width_px / self.height_px


def signer_box(block: SignerBlock, image: ImageSize) -> Rect:
    """The signer's image: centred in the gap between position and name, at its printed
    size when the PNG records one that fits, else as tall as the gap allows."""
    height = block.gap.height * GAP_FILL
    width = height * image.aspect
    if image.width_pt is not None and image.width_pt < width:
        width, height = image.width_pt, image.width_pt / image.aspect
    if width > MAX_SIGNATURE_WIDTH:
        width, height = MAX_SIGNATURE_WIDTH, MAX_SIGNATURE_WIDTH / image.aspect
    return Rect.centred(block.centre_x, block.gap.centre_y, width, height)


def seal_box(signature: Rect, seal_mm: float, image: ImageSize) -> Rect:
    """The seal at its real size (``seal_mm`` wide), its right edge a third of the way
    into the signer's image, centred on it vertically."""
    width = seal_mm * POINTS_PER_MM
    height = width / image.aspect
    right = signature.x0 + signature.width * SEAL_COVERS
    middle = signature.centre_y
    return Rect(right - width, middle - height / 2, right, middle + height / 2)


def attachment_box(page: Page, text_width: float) -> Rect:
    """Top right of the first page, in the top margin, its right edge on the text's."""
    width = max(ATTACHMENT_WIDTH, text_width + 2 * ATTACHMENT_PADDING)
    top = page.height - TOP_MARGIN_GAP
    right = min(page.text_right(), page.width - TOP_MARGIN_GAP)
    return Rect(right - width, top - ATTACHMENT_HEIGHT, right, top)


def signer_problems(rect: Rect, block: SignerBlock) -> list[str]:
    """What keeps ``rect`` from being "centred between the position and the name"."""
    problems = []
    if rect.y1 > block.gap.y1 + 1 or rect.y0 < block.gap.y0 - 1:
        problems.append("place_signer_outside_gap")
    if (abs(rect.centre_x - block.centre_x) > CENTRE_TOLERANCE
            or abs(rect.centre_y - block.gap.centre_y) > CENTRE_TOLERANCE):
        problems.append("place_signer_not_centred")
    return problems


def seal_problems(rect: Rect, signature: Rect | None) -> list[str]:
    """What keeps ``rect`` from covering about the left third of the signer's image."""
    if signature is None:
        return ["place_seal_without_signer"]
    covered = signature.overlap_width(rect) / signature.width
    low, high = SEAL_COVER_RANGE
    if (not rect.overlaps_vertically(signature) or not low <= covered <= high
            or rect.centre_x >= signature.centre_x):
        return ["place_seal_not_left_third"]
    return []


def attachment_problems(rect: Rect, page_index: int, page: Page) -> list[str]:
    """What keeps ``rect`` from being at the top right of the first page."""
    if page_index != 0 or rect.centre_x < page.width / 2 or rect.y0 < page.text_top() - 1:
        return ["place_attachment_not_top_right"]
    return []
