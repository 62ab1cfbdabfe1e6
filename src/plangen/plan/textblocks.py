"""A text field of the plan as body blocks: Markdown pipe tables become tables, footnote
definitions are taken out and travel with the text that cites them.

Why: offices put tables of targets, tasks and deadlines inside their plans, and cite the
decisions they build on in footnotes. Both are Markdown an admin can type; here they are
turned into the document model, so the renderer draws a real Word table and real
footnotes, and the checks before the build see the same blocks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from plangen.plan.document import Block, Column, Heading, Prose, Table
from plangen.plan.model import Section
from plangen.spec import nd30
from plangen.spec.metrics import text_width_cm

# "[^1]: Quyết định số 123/QĐ-UBND ngày …": a footnote's text, on a line of its own.
FOOTNOTE_DEFINITION = re.compile(r"^\[\^(?P<key>[^\]\s]+)\]:[ \t]*(?P<text>.*)$")
FOOTNOTE_REFERENCE = re.compile(r"\[\^(?P<key>[^\]\s]+)\](?!:)")
_SEPARATOR_CELL = re.compile(r"^:?-+:?$")
_NUMBER_TITLES = {"stt", "tt", "số tt", "số thứ tự"}
TABLE_PT = 13.0  # inside tables NĐ30's samples use 12–13 pt (nd30.md §3.1, Mục V table)
STT_MIN_CM = 1.2
FIT_SLACK_CM = 0.3
TEXT_WIDTH_CM = (nd30.PAGE_WIDTH_MM - nd30.MARGIN_LEFT_MM.preferred
                 - nd30.MARGIN_RIGHT_MM.preferred) / 10


def footnotes_of(text: str) -> tuple[str, dict[str, str]]:
    """The text without its footnote definitions, and the definitions by key.

    A definition runs from its ``[^key]:`` line to the next blank line or definition, so a
    long note may wrap as any paragraph does.
    """
    kept: list[str] = []
    notes: dict[str, str] = {}
    current: str | None = None
    for line in text.splitlines():
        found = FOOTNOTE_DEFINITION.match(line.strip())
        if found is not None:
            current = found["key"]
            notes[current] = found["text"].strip()
        elif current is not None and line.strip():
            notes[current] = f"{notes[current]} {line.strip()}".strip()
        else:
            current = None
            kept.append(line)
    return "\n".join(kept), notes


@dataclass(frozen=True)
class PipeTable:
    """A Markdown pipe table as written: its title cells, its rows of cells (not padded)
    and how each column is aligned."""

    header: list[str]
    rows: list[list[str]]
    aligns: list[str]


def segments(body: str) -> Iterator[str | PipeTable]:
    """``body`` (without footnote definitions) as runs of prose lines and pipe tables, in
    order: the one reading of tables that the checks and the build share."""
    lines = body.splitlines()
    prose: list[str] = []
    i = 0
    while i < len(lines):
        end = _table_end(lines, i)
        if end == i:
            prose.append(lines[i])
            i += 1
            continue
        if any(line.strip() for line in prose):
            yield "\n".join(prose)
        prose = []
        header, *rows = [_cells(line) for j, line in enumerate(lines[i:end]) if j != 1]
        yield PipeTable(header, rows, _aligns(lines[i + 1]))
        i = end
    if any(line.strip() for line in prose):
        yield "\n".join(prose)


def text_blocks(text: str) -> list[Block]:
    """``text`` as prose and tables, in order; footnote definitions go with every prose
    block (a note may be cited above or below a table)."""
    body, notes = footnotes_of(text)
    note_items = tuple(sorted(notes.items()))
    return [table_block(part.header, part.rows, part.aligns) if isinstance(part, PipeTable)
            else Prose(text=part, notes=note_items) for part in segments(body)]


def pipe_tables(text: str) -> list[PipeTable]:
    """The Markdown pipe tables of ``text``, as written, for the checks before the build."""
    return [part for part in segments(footnotes_of(text)[0]) if isinstance(part, PipeTable)]


def _table_end(lines: Sequence[str], start: int) -> int:
    """Where the pipe table starting at ``lines[start]`` ends; ``start`` if none starts
    there. A table is a title row with a ``|``, a delimiter row (``|---|:-:|``, the outer
    bars optional, as GitHub's Markdown allows), then the rows that have a ``|``."""
    if start + 1 >= len(lines) or "|" not in lines[start]:
        return start
    delimiter = lines[start + 1]
    separator = _cells(delimiter)
    if "-" not in delimiter or len(separator) != len(_cells(lines[start])) or not all(
            _SEPARATOR_CELL.match(cell) for cell in separator):
        return start
    end = start + 2
    while end < len(lines) and "|" in lines[end] and lines[end].strip():
        end += 1
    return end


def _aligns(separator: str) -> list[str]:
    """``|:---:|---:|---|`` → ``["center", "right", "left"]``: how the author aligned each
    column."""
    return ["center" if cell.startswith(":") and cell.endswith(":") else
            "right" if cell.endswith(":") else "left" for cell in _cells(separator)]


def _cells(line: str) -> list[str]:
    """The cells of one pipe-table line; ``\\|`` is a bar inside a cell, and Markdown
    emphasis markers are dropped (a cell is plain text)."""
    inner = line.strip().removeprefix("|")
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    cells = re.split(r"(?<!\\)\|", inner)
    return [re.sub(r"\*\*(.+?)\*\*|\*(.+?)\*|__(.+?)__",
                   lambda m: next(g for g in m.groups() if g is not None),
                   cell.replace("\\|", "|").strip()) for cell in cells]


def table_block(titles: Sequence[str], rows: Sequence[Sequence[str]],
                aligns: Sequence[str] = ()) -> Table:
    """A table that fills the text width, its columns sized as a browser sizes an
    automatic table: each at least as wide as its longest word (or short cell), the rest
    shared by what each would need on one line. A "STT" column is centred; ``aligns``
    (from a Markdown ``|:---:|`` row) centres others."""
    count = len(titles)
    padded = [tuple((list(row) + [""] * count)[:count]) for row in rows]
    columns = []
    lows, highs = [], []
    for c in range(count):
        cells = [row[c] for row in padded]
        numbered = _is_number_column(titles[c], cells)
        low, high = _column_range(titles[c], cells)
        lows.append(max(low, STT_MIN_CM) if numbered else low)
        highs.append(max(high, STT_MIN_CM) if numbered else high)
        asked = aligns[c] if c < len(aligns) else "left"
        align = asked if asked != "left" else "center" if numbered else "left"
        columns.append((titles[c], align))
    widths = _share(lows, highs, TEXT_WIDTH_CM)
    return Table(columns=tuple(Column(title=title, width_cm=round(width, 2), align=align)
                               for (title, align), width in zip(columns, widths, strict=True)),
                 rows=tuple(padded), size_pt=TABLE_PT)


def _is_number_column(title: str, cells: Sequence[str]) -> bool:
    """An STT column: titled so, or numbering its rows 1, 2, 3… (a column of counts is
    not one)."""
    return title.strip().casefold() in _NUMBER_TITLES or (
        bool(cells) and [cell.strip() for cell in cells] == [str(i) for i in
                                                             range(1, len(cells) + 1)])


SHORT_CELL = 13  # characters: a date or "Quý III/2025" is not broken inside


def _column_range(title: str, cells: Sequence[str]) -> tuple[float, float]:
    """The narrowest a column may be (its longest word, or whole short cell, on one line)
    and the width it would take with nothing wrapped; a word processor's own measure may
    differ a little, hence the slack."""
    pad = 2 * nd30.CELL_PADDING_CM + FIT_SLACK_CM
    units = [(word, True) for word in title.split()]
    for cell in cells:
        units += [(cell, False)] if len(cell) <= SHORT_CELL else [(w, False) for w in cell.split()]
    low = max((text_width_cm(text, TABLE_PT, bold=bold) for text, bold in units), default=0.0)
    high = max([text_width_cm(title, TABLE_PT, bold=True)]
               + [text_width_cm(cell, TABLE_PT) for cell in cells])
    return low + pad, max(high, low) + pad


def _share(lows: Sequence[float], highs: Sequence[float], total: float) -> list[float]:
    """Widths summing to ``total``. When every column fits on one line, each gets that and
    the widest text the rest. Otherwise each column gets its share of the width in
    proportion to what it would need on one line, but never less than its least width;
    what that costs is taken back from the columns above their least width, in proportion
    to their excess. A long-text column gets the room it needs, a date column no more than
    its date."""
    if sum(lows) >= total:  # too many columns for the page: shrink all alike
        return [low * total / sum(lows) for low in lows]
    if sum(highs) <= total:  # nothing need wrap: the widest text takes what is left
        widest = max(range(len(highs)), key=lambda i: highs[i])
        return [high + (total - sum(highs) if i == widest else 0.0)
                for i, high in enumerate(highs)]
    widths = [max(low, total * high / sum(highs)) for low, high in zip(lows, highs, strict=True)]
    over = sum(widths) - total
    excess = [width - low for width, low in zip(widths, lows, strict=True)]
    return [width - over * extra / sum(excess) for width, extra in zip(widths, excess, strict=True)]


def flatten(sections: Sequence[Section], level: int = 1) -> list[Block]:
    """A plan's nested sections as body blocks: each heading, then its content (prose and
    tables), then its subsections."""
    out: list[Block] = []
    for section in sections:
        out.append(Heading(level=level, text=section.heading, start=section.so))
        if section.content:
            out += text_blocks(section.content)
        out += flatten(section.sections, level + 1)
    return out
