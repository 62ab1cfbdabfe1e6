"""The body of a document: numbered sections and Markdown text as NĐ30 paragraphs.

Why: NĐ30 numbers the divisions of a Kế hoạch or Báo cáo as I. / 1. / a) with "-" and "+"
items below; plangen writes those numbers as text (never Word's auto-numbering, which
changes when a paragraph is moved or a style is edited) so what is printed is what is
checked.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from docx.shared import Pt

from plangen.plan.document import Block, Heading, Prose
from plangen.render.docx import oxml, page, tables
from plangen.render.docx.markup import Span, parse_blocks, parse_inline
from plangen.spec import nd30, vn


def add_spans(paragraph: Any, spans: Sequence[Span]) -> None:
    """Runs for ``spans``: bold and italic set where asked, links as real hyperlinks."""
    for span in spans:
        if span.note is not None:
            oxml.footnote(paragraph, span.note, nd30.FOOTNOTE_PT)
            continue
        added = oxml.add_run(paragraph, span.text, bold=span.bold or None,
                             italic=span.italic or None)
        if span.href is not None:
            oxml.hyperlink(paragraph, span.href).append(added._r)


def add_text(document: Any, text: str, style: str = page.BODY,
             notes: Mapping[str, str] | None = None) -> list[Any]:
    """Paragraphs for a Markdown text field (its footnotes' texts in ``notes``); returns
    them in order."""
    paragraphs = []
    for block in parse_blocks(text, notes):
        paragraph = page.paragraph(document, style)
        if block.centred:
            oxml.align(paragraph, "center")
            paragraph.paragraph_format.first_line_indent = 0
        add_spans(paragraph, block.spans)
        paragraphs.append(paragraph)
    return paragraphs


@dataclass(frozen=True)
class Level:
    """One level of a numbering scheme: how its labels read, and its paragraph style."""

    label: Callable[[int], str]
    style: str

    @property
    def capitals(self) -> bool:
        """A mục's title is printed in capitals (``I. MỤC ĐÍCH``)."""
        return self.style == page.HEADING[0]


# NĐ30 PL I, II.6.đ: phần/mục I., khoản 1., điểm a); "-" and "+" items below.
LEVELS = {"muc": Level(lambda i: f"{vn.la_ma(i)}.", page.HEADING[0]),
          "khoan": Level(lambda i: f"{i}.", page.HEADING[1]),
          "diem": Level(lambda i: f"{vn.chu_cai(i)})", page.HEADING[2])}


def levels(scheme: str) -> tuple[Level, ...]:
    """The levels of ``scheme`` (``roman`` or ``arabic``, as ``nd30.NUMBERING`` lists)."""
    return tuple(LEVELS[name] for name in nd30.NUMBERING[scheme])


def heading(document: Any, level: Level, label: str, text: str) -> Any:
    """One numbered heading: ``I. TEXT`` (a mục, in capitals), ``1. Text``, ``a) Text``;
    bold, italic and links written in Markdown are kept."""
    paragraph = page.paragraph(document, level.style)
    spans = parse_inline(text)
    if level.capitals:
        spans = [replace(span, text=vn.upper(span.text)) for span in spans]
    oxml.add_run(paragraph, f"{label} ")
    add_spans(paragraph, spans)
    return paragraph


def add_blocks(document: Any, body: Sequence[Block], scheme: str) -> list[Any]:
    """Headings, text and tables of a document's body, in order; returns the paragraphs.

    Headings are counted per level (a heading resets the counts below it). A table gets a
    small paragraph above it, so that two tables in a row are never joined.
    """
    paragraphs: list[Any] = []
    numbering = levels(scheme)
    counts = [0] * len(numbering)
    for block in body:
        if isinstance(block, Heading):
            counts[block.level - 1] += 1
            counts[block.level:] = [0] * (len(counts) - block.level)
            level = numbering[block.level - 1]
            label = level.label(counts[block.level - 1])
            paragraphs.append(heading(document, level, label, block.text))
        elif isinstance(block, Prose):
            paragraphs += add_text(document, block.text, notes=dict(block.notes))
        else:
            # A small empty paragraph gives the table the gap a paragraph would have above
            # it (and keeps two tables in a row from being joined by a word processor).
            if paragraphs:  # the sentence that leads into the table stays on its page
                paragraphs[-1].paragraph_format.keep_with_next = True
            spacer = page.paragraph(document, page.HEADER_TEXT)
            spacer.paragraph_format.space_before = Pt(nd30.SPACE_BEFORE_PT)
            spacer.paragraph_format.keep_with_next = True
            tables.grid_table(document, block)
    return paragraphs


def end_mark(paragraph: Any) -> None:
    """Close the content with ``./.`` right after its last full stop (or its last word)."""
    runs = paragraph.runs
    if runs and runs[-1].text.rstrip().endswith("/."):
        return  # the author wrote it already
    if runs and runs[-1].text.endswith("."):
        runs[-1].text = runs[-1].text[:-1]
    paragraph.add_run(nd30.END_MARK)

