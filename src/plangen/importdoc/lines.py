"""A hand-made document made readable: each typed line its own paragraph, a header or a
signer typed as two columns with spaces or tabs made a two-column table, typed rules
("-------") dropped, Word's automatic numbers written into the text.

Why: the checker's reading (``check.read.layout``) finds the parts of a document laid out
as Word's tables and paragraphs; offices type the same parts with Shift+Enter, with spaces
between the two columns, with lines of dashes and with Word's numbering. Made into the
shapes the reading knows, they are found by the same code, and nothing here guesses a
part: it only undoes the way it was typed.
"""

from __future__ import annotations

import re
from dataclasses import replace

from plangen.check.read.facts import Document, Paragraph, Run, Table
from plangen.check.read.layout import is_type_name, letters
from plangen.spec import nd30

GAP = re.compile(r"\t+[ \t\u00a0]*|[ \u00a0]{3,}")
"""Between the two columns of a line typed as two: tabs, or three spaces or more."""
TYPED_RULE = re.compile(r"^[\s\-_=–—.*~]{3,}$")
"""A rule typed as characters: "-------", "______", "***", "———"."""
HEADER_LINES = 14  # a header typed as lines has at most this many (both columns)
HEADER_MORE_LINES = 4  # lines of the left column under the last one typed beside the right
SIGNATURE_LINES = 24
_QUOC_HIEU, _TIEU_NGU = letters(nd30.QUOC_HIEU_TEXT), letters(nd30.TIEU_NGU_TEXT)
_DATE = re.compile(r"ngày\s*[\d.…]*\s*tháng")
_RECIPIENT = re.compile(r"^\s*[-–—+•]")


def readable(doc: Document) -> Document:
    """``doc`` with its typed lines, columns, rules and numbers made plain paragraphs and
    tables (a new Document; ``doc`` is not changed)."""
    paragraphs = [_centred(line) for p in doc.paragraphs for line in _lines(_numbered(p))]
    paragraphs = [p for p in paragraphs if not _typed_rule(p)]
    tables = list(doc.tables)
    paragraphs = _columns(paragraphs, tables, _header_zone(paragraphs))
    paragraphs = _columns(paragraphs, tables, _signature_zone(paragraphs))
    for i, p in enumerate(paragraphs):
        p.index = i
    return replace(doc, paragraphs=paragraphs, tables=tables)


def _numbered(p: Paragraph) -> Paragraph:
    """Word's automatic label ("1.", "a)", "-") written at the start of the text."""
    label = p.list_label
    if not label or p.text.lstrip().startswith(label):
        return p
    first = p.runs[0] if p.runs else Run("", False, False, None, {}, "auto", False, None,
                                         False, "")
    mark = replace(first, text=f"{label} ", footnote=None)
    return replace(p, text=f"{label} {p.text}", runs=[mark, *p.runs], list_label="")


def _lines(p: Paragraph) -> list[Paragraph]:
    """One paragraph per line of ``p`` (lines broken with Shift+Enter)."""
    if "\n" not in p.text:
        return [p]
    lines: list[list[Run]] = [[]]
    for run in p.runs:
        pieces = run.text.split("\n")
        for i, piece in enumerate(pieces):
            if i:
                lines.append([])
            if piece:
                lines[-1].append(replace(run, text=piece,
                                         footnote=run.footnote if i == len(pieces) - 1
                                         else None))
    return [replace(p, runs=runs, text="".join(r.text for r in runs), line_shapes_cm=[])
            for runs in lines]


CENTRED_BY_SPACES = 8
"""Leading spaces that centre a line typed in a plain editor."""


def _centred(p: Paragraph) -> Paragraph:
    """A line typed after many spaces (a title centred by hand in a plain editor) as the
    centred line it shows; a line holding two columns is left to ``split_at_gap``."""
    text = p.text
    lead = len(text) - len(text.lstrip(" \u00a0\t"))
    if p.table is not None or lead < CENTRED_BY_SPACES or not text.strip() or \
            GAP.search(text.strip()) is not None:
        return p
    return replace(_slice(p, lead, len(text)), align="center")


def _typed_rule(p: Paragraph) -> bool:
    text = p.text.strip()
    return bool(text) and TYPED_RULE.match(text) is not None and not any(
        ch.isalnum() for ch in text)


def split_at_gap(p: Paragraph) -> tuple[Paragraph, Paragraph] | None:
    """``p`` cut where its two columns were typed apart (tabs or spaces), or None."""
    text = p.text
    stripped = text.strip()
    start = len(text) - len(text.lstrip())
    for gap in GAP.finditer(text):
        if gap.start() <= start or gap.end() >= len(text.rstrip()):
            continue
        if not stripped:
            return None
        return _slice(p, 0, gap.start()), _slice(p, gap.end(), len(text))
    return None


def _slice(p: Paragraph, start: int, end: int) -> Paragraph:
    runs, pos = [], 0
    for run in p.runs:
        lo, hi = max(start, pos), min(end, pos + len(run.text))
        if lo < hi:
            runs.append(replace(run, text=run.text[lo - pos:hi - pos]))
        pos += len(run.text)
    text = "".join(r.text for r in runs)
    lead = len(text) - len(text.lstrip())
    if runs and lead:
        runs[0] = replace(runs[0], text=runs[0].text[lead:])
    return replace(p, runs=runs, text=text.strip(), align="center", left_cm=0.0,
                   first_line_cm=0.0, line_shapes_cm=[])


def _key(p: Paragraph) -> str:
    return letters(p.text)


def _right_side(p: Paragraph) -> bool:
    """A line of a header's right column when typed alone: Quốc hiệu, Tiêu ngữ, the date."""
    return _key(p) in (_QUOC_HIEU, _TIEU_NGU) or bool(_DATE.search(p.text))


def _header_zone(paragraphs: list[Paragraph]) -> range:
    """The lines of a header typed without a table, when one of them holds both columns
    (the Quốc hiệu or the date after spaces): from the first line to the last such line."""
    top = [i for i, p in enumerate(paragraphs[:HEADER_LINES * 2]) if p.table is None]
    end = -1
    for i in top:
        p = paragraphs[i]
        if is_type_name(p.text) or p.text.strip().startswith(("Kính gửi", "Căn cứ")):
            break
        cut = split_at_gap(p)
        if cut is not None and (_right_side(cut[1]) or _key(cut[1]) in (_QUOC_HIEU, _TIEU_NGU)):
            end = i
    if end < 0:
        return range(0)
    # The left column may run on under the last line typed as two (the Số line, V/v).
    for _ in range(HEADER_MORE_LINES):
        following = paragraphs[end + 1] if end + 1 < len(paragraphs) else None
        if following is None or following.table is not None or not following.text.strip() \
                or is_type_name(following.text) or following.text.strip().startswith(
                    ("Kính gửi", "Căn cứ")):
            break
        end += 1
    return range(top[0] if top else 0, end + 1)


def _signature_zone(paragraphs: list[Paragraph]) -> range:
    """The lines from "Nơi nhận:" typed beside the signer with spaces or tabs, to the
    signer's name; or the signature blocks typed side by side right above "Nơi nhận:"
    (a Biên bản's secretary and chair, a joint document's bodies)."""
    for i, p in enumerate(paragraphs):
        if p.table is not None or not p.text.strip().startswith("Nơi nhận"):
            continue
        if split_at_gap(p) is not None:
            end = i
            for j in range(i, min(len(paragraphs), i + SIGNATURE_LINES)):
                if paragraphs[j].table is not None:
                    break
                end = j
            return range(i, end + 1)
        start = i
        for j in range(i - 1, max(-1, i - SIGNATURE_LINES // 2), -1):
            above = paragraphs[j]
            cut = split_at_gap(above)
            if above.table is not None or (above.text.strip() and cut is None):
                break
            start = j
        while start < i and not paragraphs[start].text.strip():
            start += 1
        if any(split_at_gap(paragraphs[j]) is not None for j in range(start, i)):
            return range(start, i)
        return range(0)
    return range(0)


def _columns(paragraphs: list[Paragraph], tables: list[Table], zone: range) -> list[Paragraph]:
    """The lines of ``zone`` as a borderless two-column table of one row: each line's
    left part in the first cell, its right part in the second; a line typed alone goes
    to the side it belongs to."""
    if not zone:
        return paragraphs
    index = len(tables) + 1
    # Blocks side by side above "Nơi nhận:": each keeps its blank lines for signing.
    blanks_both = all(split_at_gap(paragraphs[i]) is not None or not paragraphs[i].text.strip()
                      for i in zone)
    tables.append(Table(index=index, columns_cm=[7.5, 9.5], indent_cm=0.0,
                        cell_margins_cm=(0.19, 0.19), borders_visible=False, rows=1,
                        cant_split_rows=0, header_rows=0))
    cells: list[Paragraph] = []
    for i in zone:
        p = paragraphs[i]
        cut = split_at_gap(p)
        if cut is not None:
            left, right = cut
            cells += [_cell(left, index, 1), _cell(right, index, 2)]
        elif not p.text.strip():
            cells.append(_cell(p, index, 2))  # the blank lines of the signature space
            if blanks_both:
                cells.append(_cell(p, index, 1))
        elif _right_side(p) or (p.align in ("center", "right") and not _RECIPIENT.match(
                p.text)) or p.left_cm > 5 or p.text.startswith(" " * 8):
            cells.append(_cell(replace(p, text=p.text.strip()), index, 2))
        else:
            cells.append(_cell(p, index, 1))
    return [*paragraphs[:zone.start], *cells, *paragraphs[zone.stop:]]


def _cell(p: Paragraph, table: int, col: int) -> Paragraph:
    return replace(p, table=table, row=1, col=col, where=f"table {table} r1c{col}")
