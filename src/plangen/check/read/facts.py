"""The facts the checker reads from a DOCX: plain data, no XML.

Why: rules and tests work on these dataclasses only, so they never touch WordprocessingML.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Run:
    """A run of text and the formatting it shows."""

    text: str
    bold: bool
    italic: bool
    size_pt: float | None
    fonts: dict[str, str]
    color: str
    underline: bool
    vert_align: str | None
    caps: bool
    lang: str
    in_hyperlink: bool = False
    footnote: str | None = None  # the id of the footnote whose mark this run is


@dataclass(slots=True)
class Paragraph:
    """A paragraph and its effective paragraph formatting."""

    text: str
    style: str
    align: str
    first_line_cm: float
    left_cm: float
    right_cm: float
    space_before_pt: float
    space_after_pt: float
    line: float | None  # 240ths of a line for "auto", twentieths of a point otherwise
    line_rule: str
    keep_next: bool
    border_bottom: bool
    runs: list[Run]
    where: str  # "body", "table 1 r1c2", "header default", …
    table: int | None = None
    row: int | None = None
    col: int | None = None
    section: int = 0
    page_break_before: bool = False
    has_page_field: bool = False
    page_field_format: str = ""  # the switches of the PAGE field, e.g. "\\* ROMAN"
    border_color: str = ""
    line_shapes_cm: list[float] = field(default_factory=list)  # drawn lines, by width
    unmeasured_shapes: bool = False  # VML lines or shapes whose length is unknown
    index: int = 0  # position in Document.paragraphs (body and tables, in order)
    list_label: str = ""  # the label Word's automatic numbering shows ("1.", "a)", "-")


@dataclass(slots=True)
class Table:
    """A table's geometry and borders."""

    index: int
    columns_cm: list[float]
    indent_cm: float
    cell_margins_cm: tuple[float, float]  # left, right padding of the cells
    borders_visible: bool
    rows: int
    cant_split_rows: int
    header_rows: int


@dataclass
class Section:
    """Page setup of one section and the text of its headers and footers."""

    width_mm: float
    height_mm: float
    top_mm: float
    bottom_mm: float
    left_mm: float
    right_mm: float
    landscape: bool
    title_page: bool
    headers: dict[str, list[Paragraph]] = field(default_factory=dict)
    footers: dict[str, list[Paragraph]] = field(default_factory=dict)
    page_number_start: int | None = None


@dataclass
class Document:
    """Everything the rules read from one DOCX."""

    paragraphs: list[Paragraph]
    tables: list[Table]
    sections: list[Section]
    core: dict[str, str]
    has_comments: bool
    has_tracked_changes: bool
    skimmed: list[tuple[str, str]] = field(default_factory=list)
    """Text and place of the table rows read only for their words (``rows_per_table``)."""
