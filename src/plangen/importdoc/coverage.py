"""How much of a document a plan gives back when built: the share of the document's runs
of six words (6-grams) that the rebuilt document also has, in the same part.

Why: an import that silently drops a paragraph looks fine until it is printed; counting
what survives the round trip says so in one number, and the tests pin it. Words are not
all: a heading that comes back as a line of text has lost what it was, and text kept only
in a review comment is not in the document at all. So a heading's runs count only where
they come back as a heading, and the text the import could not place counts as lost.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from plangen.check.read.facts import Paragraph

N = 6
_HEADING = re.compile(r"^\s*(?:[IVXLC]+|\d{1,2}(?:\.\d{1,2})*)\s*[.):/–-]?\s+\S")


@dataclass(frozen=True)
class Line:
    """One line of a document's text, and whether it is a numbered heading."""

    text: str
    heading: bool = False


_APART = re.compile(r"\n|\t+|[ \u00a0]{3,}")
"""What parts a paragraph's text into lines: Shift+Enter, and the tabs or spaces between
two columns typed on one line."""


def lines_of(paragraphs: Iterable[Paragraph]) -> list[Line]:
    """Each line of each paragraph, with the label Word's numbering shows; a short bold
    line opening with "I." or "1." is a heading."""
    out = []
    for p in paragraphs:
        text = f"{p.list_label} {p.text}" if p.list_label else p.text
        bold = [r.bold for r in p.runs if r.text.strip()]
        heading = bool(bold) and all(bold) and len(text) < 200 and \
            _HEADING.match(text) is not None
        out += [Line(line, heading) for line in _APART.split(text) if line.strip()]
    return out


def grams(lines: Iterable[str], n: int = N) -> Counter[tuple[str, ...]]:
    """The runs of ``n`` words of each line (a shorter line counts as one run)."""
    found: Counter[tuple[str, ...]] = Counter()
    for text in lines:
        words = re.findall(r"\w+", text.casefold())
        if not words:
            continue
        if len(words) < n:
            found[tuple(words)] += 1
            continue
        found.update(tuple(words[i:i + n]) for i in range(len(words) - n + 1))
    return found


def coverage(original: Iterable[Line | str], rebuilt: Iterable[Line | str],
             unplaced: Iterable[str] = (), rewritten: Mapping[str, str] | None = None
             ) -> float:
    """The share of ``original``'s 6-grams found in ``rebuilt`` (counted with repeats): a
    heading's among the rebuilt headings, any other among all the rebuilt text; the
    6-grams of ``unplaced`` text (kept in a comment, or in the wrong part) count as lost.
    A line the import corrected on purpose (``rewritten``: "Số: 5/…" → "Số: 05/…") is
    compared as corrected."""
    fixed = rewritten or {}
    source = [x if isinstance(x, Line) else Line(x) for x in original]
    source = [Line(fixed.get(" ".join(x.text.split()), x.text), x.heading) for x in source]
    built = [x if isinstance(x, Line) else Line(x) for x in rebuilt]
    got = grams(x.text for x in built)
    got_headings = grams(x.text for x in built if x.heading)
    lost = grams(unplaced)
    total = 0
    kept = 0
    for heading in (True, False):
        wanted = grams(x.text for x in source if x.heading == heading)
        pool = got_headings if heading else got
        for gram, count in wanted.items():
            total += count
            kept += max(0, min(count, pool[gram]) - lost[gram])
    return kept / total if total else 1.0
