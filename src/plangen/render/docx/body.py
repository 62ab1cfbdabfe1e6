"""The body of a document: numbered sections and Markdown text as NĐ30 paragraphs.

Why: NĐ30 numbers the divisions of a Kế hoạch or Báo cáo as I. / 1. / a) with "-" and "+"
items below; plangen writes those numbers as text (never Word's auto-numbering, which
changes when a paragraph is moved or a style is edited) so what is printed is what is
checked.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from plangen.plan.model import Section
from plangen.render.docx import oxml, page
from plangen.render.docx.markup import Span, parse_blocks
from plangen.spec import nd30, vn


def add_spans(paragraph: Any, spans: Sequence[Span]) -> None:
    """Runs for ``spans``: bold and italic set where asked, links as real hyperlinks."""
    for span in spans:
        added = paragraph.add_run(span.text)
        if span.bold:
            added.font.bold = True
        if span.italic:
            added.font.italic = True
        if span.href is not None:
            oxml.hyperlink(paragraph, span.href).append(added._r)


def add_text(document: Any, text: str, style: str = page.BODY) -> list[Any]:
    """Paragraphs for a Markdown text field; returns them in order."""
    paragraphs = []
    for block in parse_blocks(text):
        paragraph = document.add_paragraph(style=style)
        add_spans(paragraph, block.spans)
        paragraphs.append(paragraph)
    return paragraphs


def number(level: int, index: int) -> str:
    """The label of the ``index``-th (from 1) section at ``level`` (1 = mục)."""
    if level == 1:
        return f"{vn.la_ma(index)}."
    if level == 2:
        return f"{index}."
    return f"{vn.chu_cai(index)})"


def heading(document: Any, level: int, index: int, text: str) -> Any:
    """One numbered heading: ``I. TEXT`` (capitals), ``1. Text`` or ``a) Text``."""
    shown = vn.upper(text) if level == 1 else text
    paragraph = document.add_paragraph(style=page.HEADING[level - 1])
    paragraph.add_run(f"{number(level, index)} {shown}")
    return paragraph


def add_sections(document: Any, sections: Sequence[Section], level: int = 1) -> list[Any]:
    """Headings and contents of ``sections`` and their subsections, numbered as NĐ30 does."""
    paragraphs: list[Any] = []
    for index, section in enumerate(sections, start=1):
        paragraphs.append(heading(document, level, index, section.heading))
        if section.content:
            paragraphs += add_text(document, section.content)
        paragraphs += add_sections(document, section.sections, level + 1)
    return paragraphs


def end_mark(paragraph: Any) -> None:
    """Close the content with ``./.`` right after its last full stop (or its last word)."""
    runs = paragraph.runs
    if runs and runs[-1].text.rstrip().endswith("/."):
        return  # the author wrote it already
    if runs and runs[-1].text.endswith("."):
        runs[-1].text = runs[-1].text[:-1]
    paragraph.add_run(nd30.END_MARK)

