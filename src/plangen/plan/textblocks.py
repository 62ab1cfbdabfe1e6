"""A text field of the plan as body blocks: Markdown pipe tables become tables, footnote
definitions are taken out and travel with the text that cites them.

Why: offices put tables of targets, tasks and deadlines inside their plans, and cite the
decisions they build on in footnotes. Both are Markdown an admin can type; here they are
turned into the document model, so the renderer draws a real Word table and real
footnotes, and the checks before the build see the same blocks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from plangen.plan.document import Block, Column, Heading, Prose, Table
from plangen.plan.model import Section
from plangen.spec import nd30
from plangen.spec.metrics import text_width_cm

# "[^1]: Quyết định số 123/QĐ-UBND ngày …": a footnote's text, on a line of its own.
FOOTNOTE_DEFINITION = re.compile(r"^\[\^(?P<key>[^\]\s]+)\]:[ \t]*(?P<text>.*)$")
FOOTNOTE_REFERENCE = re.compile(r"\[\^(?P<key>[^\]\s]+)\](?!:)")
_SEPARATOR_CELL = re.compile(r"^:?-{3,}:?$")
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


def text_blocks(text: str) -> list[Block]:
    """``text`` as prose and tables, in order; footnote definitions go with every prose
    block (a note may be cited above or below a table)."""
    body, notes = footnotes_of(text)
    note_items = tuple(sorted(notes.items()))
    blocks: list[Block] = []
    prose: list[str] = []
    lines = body.splitlines()
    i = 0
    while i < len(lines):
        end = _table_end(lines, i)
        if end == i:
            prose.append(lines[i])
            i += 1
            continue
        if any(line.strip() for line in prose):
            blocks.append(Prose(text="\n".join(prose), notes=note_items))
        prose = []
        header, *rows = [_cells(line) for j, line in enumerate(lines[i:end]) if j != 1]
        blocks.append(table_block(header, rows))
        i = end
    if any(line.strip() for line in prose):
        blocks.append(Prose(text="\n".join(prose), notes=note_items))
    return blocks


def _table_end(lines: Sequence[str], start: int) -> int:
    """Where the pipe table starting at ``lines[start]`` ends; ``start`` if none starts
    there (a table is a title row, a ``|---|`` row, then rows, each starting with ``|``)."""
    if start + 1 >= len(lines) or not lines[start].strip().startswith("|"):
        return start
    separator = _cells(lines[start + 1])
    if not separator or not all(_SEPARATOR_CELL.match(cell) for cell in separator):
        return start
    end = start + 2
    while end < len(lines) and lines[end].strip().startswith("|"):
        end += 1
    return end


def _cells(line: str) -> list[str]:
    """The cells of one pipe-table line; ``\\|`` is a bar inside a cell, and Markdown
    emphasis markers are dropped (a cell is plain text)."""
    inner = line.strip().removeprefix("|")
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    cells = re.split(r"(?<!\\)\|", inner)
    return [re.sub(r"\*\*(.+?)\*\*|\*(.+?)\*|__(.+?)__",
                   lambda m: next(g for g in m.groups() if g is not None),
                   cell.replace("\\|", "|").strip()) for cell in cells]


def table_block(titles: Sequence[str], rows: Sequence[Sequence[str]]) -> Table:
    """A table that fills the text width: columns as wide as their text asks, the long
    ones sharing what is left; a "STT" column narrow and centred."""
    count = len(titles)
    padded = [tuple((list(row) + [""] * count)[:count]) for row in rows]
    numbered = [_is_number_column(titles[c], [row[c] for row in padded]) for c in range(count)]
    wanted = [_wanted_cm(titles[c], [row[c] for row in padded], numbered[c])
              for c in range(count)]
    widths = _share(wanted, TEXT_WIDTH_CM)
    columns = tuple(Column(title=titles[c], width_cm=round(widths[c], 2),
                           align="center" if numbered[c] else "left") for c in range(count))
    return Table(columns=columns, rows=tuple(padded), size_pt=TABLE_PT)


def _is_number_column(title: str, cells: Sequence[str]) -> bool:
    return title.strip().casefold() in _NUMBER_TITLES or (
        bool(cells) and all(cell.strip().isdigit() and len(cell.strip()) <= 3 for cell in cells))


def _wanted_cm(title: str, cells: Sequence[str], numbered: bool) -> float:
    """How wide a column would be with neither its title nor its cells wrapped; a word
    processor's own measure may differ a little, hence the slack."""
    width = max([text_width_cm(title, TABLE_PT, bold=True)]
                + [text_width_cm(cell, TABLE_PT) for cell in cells])
    width += 2 * nd30.CELL_PADDING_CM + FIT_SLACK_CM
    return max(width, STT_MIN_CM) if numbered else width


def _share(wanted: Sequence[float], total: float) -> list[float]:
    """Widths summing to ``total``: columns that ask for less than an equal share keep what
    they ask; the others share the rest in proportion to what they ask."""
    fixed: dict[int, float] = {}
    while True:
        open_columns = [i for i in range(len(wanted)) if i not in fixed]
        if not open_columns:
            break
        left = total - sum(fixed.values())
        share = left / len(open_columns)
        narrow = {i: wanted[i] for i in open_columns if wanted[i] <= share}
        if not narrow:
            asked = sum(wanted[i] for i in open_columns)
            fixed.update({i: left * wanted[i] / asked for i in open_columns})
            break
        fixed.update(narrow)
    widths = [fixed[i] for i in range(len(wanted))]
    spare = total - sum(widths)
    if spare > 0:  # every column fits: the widest takes what is left, so the table is full
        widest = max(range(len(widths)), key=lambda i: wanted[i])
        widths[widest] += spare
    return widths


def flatten(sections: Sequence[Section], level: int = 1) -> list[Block]:
    """A plan's nested sections as body blocks: each heading, then its content (prose and
    tables), then its subsections."""
    out: list[Block] = []
    for section in sections:
        out.append(Heading(level=level, text=section.heading))
        if section.content:
            out += text_blocks(section.content)
        out += flatten(section.sections, level + 1)
    return out
