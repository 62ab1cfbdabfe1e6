"""The parts an import reads, and what every step of it shares: the corrections and
review notes it makes, the values left to fill, the marks of headings and list items.

Why: the header, the signer, the body and each kind's fields are read by modules of their
own; what they hand one another is here, so that none imports another's internals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from plangen.check.read.facts import Paragraph
from plangen.spec import vn
from plangen.spec.fill import to_fill

_LABEL = re.compile(r"^(?P<label>(?:[IVXLC]+|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])"
                    r"(?:\s*[.):/]|\s+[-–]|(?=\s)))\s*(?P<text>\S.*)$", re.S)


_ITEM = re.compile(r"^(?P<mark>[-+–—•\uf0b7\uf02d\uf0a7])\s*(?P<text>.*)$", re.S)


_SENTENCE_END = (".", ":", ";", "!", "?", "…", ")", "”", '"', "./.", "/.")


END_MARKS = ("./.", "/.")


@dataclass
class Correction:
    """One thing the document got wrong under NĐ30, and how the plan writes it."""

    where: str  # the plan field: "noi_nhan[2]", "body[1].sections[0].heading"
    text: str


@dataclass
class Imported:
    """What the reading gives: the plan's data (plain dicts and lists), the corrections,
    the text it could not place, what it did not import, and the source's text that it
    placed without its structure (a heading read as a line of text)."""

    plan: dict[str, Any]
    corrections: list[Correction] = field(default_factory=list)
    review: list[tuple[str, str]] = field(default_factory=list)  # (field, text)
    skipped: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    """Source paragraphs kept only as review comments, or placed as the wrong part: not
    counted as kept by the coverage."""
    collection: int = 0
    """How many samples the file holds when it is a collection of them (0: a document)."""
    rewritten: dict[str, str] = field(default_factory=dict)
    """Source lines the import corrected on purpose (listed as SỬA), and how plangen writes
    them: the coverage compares those as corrected."""

    def rewrite(self, line: str, corrected: str) -> None:
        """Record that ``line`` of the source is written ``corrected``."""
        self.rewritten[" ".join(line.split())] = corrected


def to_fill_in(out: Imported, where: str, what: str, why: str) -> str:
    """A value the build refuses, with a review note at its key: never a silent guess."""
    out.review.append((where, why))
    return to_fill(what)


def _is_caps_line(p: Paragraph) -> bool:
    text = p.text.strip()
    return bool(text) and text == vn.upper(text) and any(ch.isalpha() for ch in text)


def all_bold(p: Paragraph) -> bool:
    bold = [r.bold for r in p.runs if r.text.strip()]
    return bool(bold) and all(bold)
