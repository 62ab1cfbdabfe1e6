"""Where things are on a PDF's pages, read from the PDF itself: the signer block and the
document's number.

Why: a signature is placed where the page shows the signer's position and name, not where
plangen thinks it wrote them; LibreOffice decides the line breaks and the page a block
lands on, and a văn thư may sign a PDF plangen did not make. Text and its positions come
from pdfminer.six; coordinates are PDF points with the origin at the bottom left.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from plangen.sign.geometry import Rect

# A right-column block: its lines start right of this fraction of the page width and are
# centred right of the other (the signer's cell of NĐ30's signature table starts past the
# middle; a centred title such as "QUYẾT ĐỊNH" is centred on the text area).
RIGHT_COLUMN = 0.45
RIGHT_CENTRE = 0.58
# Position lines of one block follow each other at most this many line heights apart.
TIGHT_LINES = 0.6
# Between the last line above the name and the name: at least this many line heights,
# the room NĐ30 leaves for the signature and the seal.
MIN_GAP_LINES = 1.5
# ... and at most this many: a bold line further down is not the signer's name.
MAX_GAP_LINES = 10
# Lines allowed between the position and the name: placeholders such as "(Đã ký)".
MAX_PLACEHOLDERS = 2
# The name is centred under the position lines within this many points.
SAME_CENTRE_PT = 24.0
BOLD = re.compile(r"bold|black|heavy|,bd\b|-bd\b", re.IGNORECASE)
NUMBER_LINE = re.compile(r"^Số\s*:\s*(.*)$")
KEM_THEO_NUMBER = re.compile(r"\(Kèm theo .*?\bsố\s+([^\s]+/[^\s]+)")


@dataclass(frozen=True)
class Line:
    """One line of text on a page, as the PDF draws it."""

    text: str
    box: Rect
    bold: bool

    @property
    def height(self) -> float:
        return self.box.height

    @property
    def all_caps(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return bool(letters) and all(c.isupper() for c in letters)


@dataclass(frozen=True)
class Page:
    """A page's size and its lines, top to bottom."""

    index: int
    width: float
    height: float
    lines: tuple[Line, ...]

    def text_top(self) -> float:
        """The top of the highest line of text (the page's top when it has none)."""
        return max((line.box.y1 for line in self.lines), default=self.height)

    def text_right(self) -> float:
        """The right edge of the text area, as far as the lines show it."""
        return max((line.box.x1 for line in self.lines), default=self.width)


@dataclass(frozen=True)
class SignerBlock:
    """The signer's position line(s) and name, and the gap between them (ô 7a–7c)."""

    page: int
    positions: tuple[Line, ...]
    name: Line
    gap: Rect
    """From the bottom of the last line above the name to the top of the name, as wide as
    the widest line of the block."""

    @property
    def centre_x(self) -> float:
        return sum(line.box.centre_x for line in (*self.positions, self.name)) / (
            len(self.positions) + 1)


def read_pages(pdf: Path | bytes) -> list[Page]:
    """Every page of ``pdf`` with its lines of text."""
    import io

    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar, LTTextContainer, LTTextLine

    source = io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf
    pages = []
    for index, layout in enumerate(extract_pages(source, laparams=LAParams())):
        lines: list[Line] = []
        for element in layout:
            if not isinstance(element, LTTextContainer):
                continue
            for item in element:
                if not isinstance(item, LTTextLine):
                    continue
                text = " ".join(item.get_text().replace("\xa0", " ").split())
                chars = [c for c in item if isinstance(c, LTChar) and not c.get_text().isspace()]
                if not text or not chars:
                    continue
                bold = all(BOLD.search(c.fontname) for c in chars)
                lines.append(Line(text, Rect(*item.bbox), bold))
        lines.sort(key=lambda line: (-line.box.y1, line.box.x0))
        pages.append(Page(index, layout.width, layout.height, tuple(lines)))
    return pages


def signer_blocks(pages: list[Page]) -> Iterator[SignerBlock]:
    """The signer blocks of the document, in reading order: position lines in bold
    capitals in the right column, then, below room for a signature, the name in bold."""
    for page in pages:
        column = [line for line in page.lines if line.box.x0 > RIGHT_COLUMN * page.width
                  and line.box.centre_x > RIGHT_CENTRE * page.width]
        start = 0
        while start < len(column):
            block = _block_at(page.index, column, start)
            if block is not None:
                yield block
                start = column.index(block.name) + 1
            else:
                start += 1


def _block_at(page: int, column: list[Line], start: int) -> SignerBlock | None:
    """The block whose first position line is ``column[start]``, if there is one."""
    first = column[start]
    if not (first.bold and first.all_caps):
        return None
    positions = [first]
    index = start + 1
    while (index < len(column) and column[index].bold and column[index].all_caps
           and positions[-1].box.y0 - column[index].box.y1 < TIGHT_LINES * first.height):
        positions.append(column[index])
        index += 1
    centre = sum(line.box.centre_x for line in positions) / len(positions)
    above = positions[-1]
    placeholders = 0
    for line in column[index:]:
        if abs(line.box.centre_x - centre) > SAME_CENTRE_PT:
            continue
        if not line.bold:  # a placeholder such as "(Ký, ghi rõ họ tên)"
            above = line
            placeholders += 1
            if placeholders > MAX_PLACEHOLDERS:
                return None
            continue
        room = above.box.y0 - line.box.y1
        if not MIN_GAP_LINES * first.height <= room <= MAX_GAP_LINES * first.height:
            return None
        x0 = min(item.box.x0 for item in (*positions, line))
        x1 = max(item.box.x1 for item in (*positions, line))
        return SignerBlock(page, tuple(positions), line, Rect(x0, line.box.y1, x1, above.box.y0))
    return None


def find_signer_block(pages: list[Page]) -> SignerBlock | None:
    """The document's signer block: the first one (a Phụ lục's forms come after it)."""
    return next(signer_blocks(pages), None)


def document_number(pages: list[Page]) -> str | None:
    """The Số và ký hiệu printed on the first page: the "Số:" line of a document, or the
    number in a Phụ lục's "(Kèm theo … số …)" line; ``None`` when it is missing or left
    blank for the văn thư ("Số: /KH-…", "số ……/KH-…")."""
    if not pages:
        return None
    lines = pages[0].lines
    for line in lines:
        match = NUMBER_LINE.match(line.text)
        if match:
            return _filled(match.group(1))
    text = " ".join(line.text for line in lines)
    match = KEM_THEO_NUMBER.search(text)
    return _filled(match.group(1)) if match else None


def _filled(number: str) -> str | None:
    number = number.strip()
    if not number or number.startswith("/") or "…" in number or "..." in number:
        return None
    return number
