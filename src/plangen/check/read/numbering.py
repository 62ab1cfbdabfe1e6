"""The labels Word's automatic numbering shows: "I.", "1.", "a)", "-", counted as Word does.

Why: an office's headings and list items are often numbered by Word (``w:numPr``), not
typed, so the text of the paragraph has no "1." and no "-"; the label is in
``numbering.xml``. A reader that wants what the page shows (the importer, the numbering
rule) needs it, counted per list and level, restarting a level under a new parent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from plangen.check.read.styles import NS, number, w_tag

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
MAX_LEVELS = 9


def roman(n: int) -> str:
    """``4`` → ``IV``."""
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _format(n: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return roman(n)
    if fmt == "lowerRoman":
        return roman(n).lower()
    if fmt in ("lowerLetter", "upperLetter"):
        letter = "abcdefghijklmnopqrstuvwxyz"[(n - 1) % 26] * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class Numbering:
    """The lists of one document and their counters, advanced paragraph by paragraph."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # by numId
    starts: dict[tuple[str, int], int] = field(default_factory=dict)  # lvlOverride
    counters: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def read(cls, root: Any) -> Numbering:
        """The lists of ``numbering.xml`` (None: a document without lists)."""
        found = cls()
        if root is None:
            return found
        abstract: dict[str, dict[int, _Level]] = {}
        for element in root.iterfind("w:abstractNum", NS):
            levels: dict[int, _Level] = {}
            for lvl in element.iterfind("w:lvl", NS):
                ilvl = int(number(lvl.get(w_tag("ilvl"))) or 0)
                levels[ilvl] = _Level(_val(lvl, "numFmt") or "decimal",
                                      _val(lvl, "lvlText") or "",
                                      int(number(_val(lvl, "start")) or 1))
            abstract[element.get(w_tag("abstractNumId")) or ""] = levels
        for num in root.iterfind("w:num", NS):
            num_id = num.get(w_tag("numId")) or ""
            found.levels[num_id] = abstract.get(_val(num, "abstractNumId") or "", {})
            for override in num.iterfind("w:lvlOverride", NS):
                start = _val(override, "startOverride")
                if start is not None:
                    ilvl = int(number(override.get(w_tag("ilvl"))) or 0)
                    found.starts[(num_id, ilvl)] = int(number(start) or 1)
        return found

    def label(self, num_id: str, ilvl: int) -> str:
        """The label of the next paragraph of list ``num_id`` at level ``ilvl``: "1.",
        "a)", "-" for a bullet; "" for no list (numId 0) or an unknown one."""
        levels = self.levels.get(num_id)
        if not levels or num_id == "0" or not 0 <= ilvl < MAX_LEVELS:
            return ""
        counts = self.counters.setdefault(num_id, [0] * MAX_LEVELS)
        level = levels.get(ilvl, _Level())
        start = self.starts.get((num_id, ilvl), level.start)
        counts[ilvl] = start if counts[ilvl] == 0 else counts[ilvl] + 1
        for deeper in range(ilvl + 1, MAX_LEVELS):
            counts[deeper] = 0
        if level.fmt == "bullet":
            return "-"
        text = level.text
        for i in range(MAX_LEVELS):
            if f"%{i + 1}" in text:
                shown = levels.get(i, _Level())
                value = counts[i] or self.starts.get((num_id, i), shown.start)
                text = text.replace(f"%{i + 1}", _format(value, shown.fmt))
        return text.strip()


def _val(parent: Any, tag: str) -> str | None:
    element = parent.find(f"w:{tag}", NS)
    return element.get(w_tag("val")) if element is not None else None
