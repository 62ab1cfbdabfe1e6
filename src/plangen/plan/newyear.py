"""``plangen new``: next campaign's plan from this one, every date moved, comments kept.

Why: next year's admin copies the plan and changes the dates; doing it by hand misses
one. The file is edited as text at the positions the YAML reader recorded, so comments,
order and wording stay exactly as the admin wrote them. Years written inside sentences
cannot be moved safely ("giai đoạn 2022 - 2025, tầm nhìn đến năm 2030"), so they are
listed for the admin to review instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from plangen.plan.yamlread import Located, read_yaml, value_at

ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
YEAR_IN_TEXT = re.compile(r"\b(19|20)\d{2}\b")
CLEARED = ("number", "issued_on")
CLEARED_PATHS = [(key,) for key in CLEARED]


@dataclass(frozen=True)
class Shift:
    """How dates move: by whole calendar years, or by a number of days."""

    years: int = 0
    days: int = 0

    def apply(self, day: date) -> date:
        if self.days:
            return day + timedelta(days=self.days)
        try:
            return day.replace(year=day.year + self.years)
        except ValueError:  # 29 February into a year without one
            return day.replace(year=day.year + self.years, day=28)

    def year(self, year: int) -> int:
        return year + self.years if not self.days else (
            date(year, 7, 1) + timedelta(days=self.days)).year


@dataclass(frozen=True)
class Review:
    """Literal years left in one text field: its line, the years, the text around them."""

    line: int
    years: tuple[str, ...]
    excerpt: str


def shift_for_start(text: str, start: date) -> Shift:
    """The shift that moves the campaign's start to ``start``."""
    located = read_yaml(text)
    campaign = located.data.get("campaign")
    old = _as_date(str(campaign.get("start", ""))) if isinstance(campaign, dict) else None
    if old is None:
        raise ValueError("campaign.start")
    return Shift(days=(start - old).days)


def _as_date(text: str) -> date | None:
    if m := ISO.match(text):
        y, mo, d = (int(g) for g in m.groups())
    elif m := DMY.match(text):
        d, mo, y = (int(g) for g in m.groups())
    else:
        return None
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def _format_like(original: str, new: date) -> str:
    """``new`` written the way ``original`` was (ISO, or D/M/YYYY with its zero padding)."""
    if m := DMY.match(original):
        day_width, month_width = len(m[1]), len(m[2])
        return f"{new.day:0{day_width}d}/{new.month:0{month_width}d}/{new.year}"
    return new.isoformat()


def new_plan(text: str, shift: Shift) -> tuple[str, list[Review]]:
    """The next campaign's plan text, and the literal years it leaves for review."""
    located = read_yaml(text)
    edits: dict[tuple[int, int], str] = {}
    for path, (begin, end) in located.spans.items():
        value = value_at(located.data, path)
        if isinstance(value, str) and (day := _as_date(value)) and path[:1] not in CLEARED_PATHS:
            raw = text[begin:end]
            quote = raw[0] if raw[:1] in "'\"" else ""
            edits[(begin, end)] = f"{quote}{_format_like(value, shift.apply(day))}{quote}"
        elif isinstance(value, int) and not isinstance(value, bool) and path[-1:] == ("year",):
            edits[(begin, end)] = str(shift.year(value))
    for key in CLEARED:
        if (key,) in located.spans and located.data.get(key) is not None:
            begin, end = located.spans[(key,)]
            edits[(begin - 1 if text[begin - 1] == " " else begin, end)] = ""
    result = _apply(text, edits)
    result = _list_blanks(result)
    for key in DROPPED:
        result = _drop(result, key)
    return result, _reviews(read_yaml(result))


DROPPED = ("data", "van_ban")
"""What belongs to the old campaign alone: its registrations and results, and the paper
trail drawn from them (its award decision, the letters that sent its reports)."""


def _drop(text: str, key: str) -> str:
    """``text`` without the top-level ``key`` and its value (comments kept)."""
    located = read_yaml(text)
    if (key,) not in located.keys:
        return text
    key_line = located.keys[(key,)][0]
    begin = sum(len(line) for line in text.splitlines(keepends=True)[:key_line - 1])
    end = located.spans[(key,)][1]
    return text[:begin] + text[end:].lstrip("\n")


def _apply(text: str, edits: dict[tuple[int, int], str]) -> str:
    for (begin, end), replacement in sorted(edits.items(), reverse=True):
        text = text[:begin] + replacement + text[end:]
    return text


def _list_blanks(text: str) -> str:
    """Make ``de_trong`` list the number and the date of issue, left for the văn thư."""
    located = read_yaml(text)
    wanted = "[number, issued_on]"
    if ("de_trong",) in located.spans:
        begin, end = located.spans[("de_trong",)]
        colon = text.rindex(":", 0, begin) + 1
        if "\n" in text[colon:begin]:  # a block list under the key: the flow list replaces it
            end = begin + len(text[begin:end].rstrip())  # the line break after it stays
            return _apply(text, {(colon, end): f" {wanted}"})
        return _apply(text, {(begin, end): wanted})
    line = f"de_trong: {wanted}  # văn thư ghi số và ngày khi ban hành\n"
    anchor = located.keys.get(("issued_on",)) or located.keys.get(("place",))
    if anchor is None:
        return line + text
    lines = text.splitlines(keepends=True)
    lines.insert(anchor[0], line)
    return "".join(lines)


def _reviews(located: Located) -> list[Review]:
    reviews = []
    for path, (line, _col) in sorted(located.values.items(), key=lambda kv: kv[1]):
        value = value_at(located.data, path)
        if not isinstance(value, str) or _as_date(value):
            continue
        years = [m.group() for m in YEAR_IN_TEXT.finditer(value)]
        if years:
            first = YEAR_IN_TEXT.search(value)
            assert first is not None
            around = value[max(0, first.start() - 40):first.end() + 40]
            reviews.append(Review(line, tuple(years), " ".join(around.split())))
    return reviews
