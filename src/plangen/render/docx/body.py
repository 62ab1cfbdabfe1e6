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

from plangen.plan.document import Block, Division, Heading, Prose
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
    """One level of a numbering scheme: how its labels read (from the counts of this level
    and those above it), and its paragraph style."""

    label: Callable[[Sequence[int]], str]
    style: str

    @property
    def capitals(self) -> bool:
        """A mục's title is printed in capitals (``I. MỤC ĐÍCH``)."""
        return self.style == page.HEADING[0]


# NĐ30 PL I, II.6.đ: phần/mục I., khoản 1., điểm a); "-" and "+" below [PRACTICE];
# 1.1. and 1.1.1. where an office numbers decimally.
LEVELS = {"muc": Level(lambda c: f"{vn.la_ma(c[-1])}.", page.HEADING[0]),
          "khoan": Level(lambda c: f"{c[-1]}.", page.HEADING[1]),
          "diem": Level(lambda c: f"{vn.chu_cai(c[-1])})", page.HEADING[2]),
          "gach": Level(lambda c: nd30.BULLET_MARKS[0], page.HEADING[2]),
          "cong": Level(lambda c: nd30.BULLET_MARKS[1], page.HEADING[2]),
          "khoan_2": Level(lambda c: ".".join(map(str, c[-2:])) + ".", page.HEADING[1]),
          "khoan_3": Level(lambda c: ".".join(map(str, c[-3:])) + ".", page.HEADING[2])}


def levels(scheme: str) -> tuple[Level, ...]:
    """The levels of ``scheme`` (``roman``, ``arabic`` or ``decimal``, as
    ``nd30.NUMBERING`` lists)."""
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


def division(document: Any, block: Division) -> list[Any]:
    """A Phần, Chương or Mục: its label ("Chương I") and its title in capitals, centred
    and bold on lines of their own, kept with what follows."""
    label = page.paragraph(document, page.TITLE)
    label.paragraph_format.space_before = Pt(nd30.SPACE_BEFORE_PT * 2)
    oxml.add_run(label, block.label, size_pt=nd30.DIVISION_LABEL.size_pt.preferred,
                 bold=True)
    title = page.paragraph(document, page.TITLE)
    spans = [replace(span, text=vn.upper(span.text)) for span in parse_inline(block.title)]
    add_spans(title, [replace(span, bold=True) for span in spans])
    for paragraph in (label, title):
        oxml.align(paragraph, "center")
        paragraph.paragraph_format.keep_with_next = True
    return [label, title]


def add_blocks(document: Any, body: Sequence[Block], scheme: str) -> list[Any]:
    """Headings, text and tables of a document's body, in order; returns the paragraphs.

    Headings are counted per level (a heading resets the counts below it). A table gets a
    small paragraph above it, so that two tables in a row are never joined.
    """
    paragraphs: list[Any] = []
    numbering = levels(scheme)
    counts = [0] * len(numbering)
    for block in body:
        if isinstance(block, Heading) and block.label is not None:
            paragraphs.append(heading(document, LEVELS["khoan"], block.label, block.text))
        elif isinstance(block, Heading):
            at = block.level - 1
            counts[at] = block.start if block.start is not None else counts[at] + 1
            counts[block.level:] = [0] * (len(counts) - block.level)
            level = numbering[at]
            paragraphs.append(heading(document, level, level.label(counts[:block.level]),
                                      block.text))
        elif isinstance(block, Division):
            paragraphs += division(document, block)
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
    """Close the content with ``./.`` in place of its last full stop (or after its last
    word). A footnote's mark typed after that full stop stays after it: the mark's run
    has no text, so the last run with words is the one that ends the sentence."""
    worded = [run for run in paragraph.runs if run.text.strip()]
    last = worded[-1] if worded else None
    if last is not None and last.text.rstrip().endswith("/."):
        return  # the author wrote it already
    mark = paragraph.add_run(nd30.END_MARK)
    if last is not None and last.text.endswith("."):
        last.text = last.text[:-1]
        oxml.move_after(mark._r, last._r)

