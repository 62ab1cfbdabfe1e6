"""``plangen new``: next period's plan from this one, every date moved, comments kept.

Why: next year's admin copies the plan and changes the dates; doing it by hand misses
one. The file is edited as text at the positions the YAML reader recorded, so comments,
order and wording stay exactly as the admin wrote them.

What moves: every date and time of the plan, the years of its milestones, and the school
years and periods its text names that are the plan's own ("năm học 2024 - 2025" in a plan
dated 2024, "giai đoạn 2023 - 2025" in a campaign of those years), outside its căn cứ.
What does not: each document's number and date of issue (left for the văn thư:
``de_trong``), and every other year inside a sentence ("tầm nhìn đến năm 2030", the date of
a document a căn cứ cites), listed for the admin to review. What goes: the data files of
the old period and the documents drawn from their results (an award decision, the letter
that sent a year's report), each named with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from plangen.plan.templating import DATA_NAMES, uses_data
from plangen.plan.yamlread import DataPath, Located, read_yaml, scalars, value_at
from plangen.spec import mau, vn

ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
MOMENT = re.compile(r"^(?P<day>\S+)\s+(?P<time>\d{1,2}:\d{2})$|^(?P<time2>\d{1,2}:\d{2})\s+"
                    r"(?P<day2>\S+)$")
YEAR_IN_TEXT = re.compile(r"\b(19|20)\d{2}\b")
PERIOD = re.compile(r"(?P<lead>(?:năm học|giai đoạn|niên khóa)\s+)(?P<first>(?:19|20)\d{2})"
                    r"(?P<dash>\s*[-–]\s*)(?P<last>(?:19|20)\d{2})", re.IGNORECASE)
CLEARED = ("number", "issued_on")
BLANKS = "[number, issued_on]"
DROPPED_DATA = "data"
"""The old period's registrations and results: the new period has its own."""
UNMOVED = ("can_cu",)
"""Fields whose years cite documents that exist (a căn cứ): listed, never moved."""


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


@dataclass(frozen=True)
class Fate:
    """What became of one document of the old plan: its file, and why it went (None: it
    was kept, with its dates moved and its number and date left for the văn thư)."""

    file: str
    dropped_for: str | None = None
    """``ket_qua``, ``khen_thuong``: what of the old period it uses; or the file of a
    dropped document it quotes (``tham_chieu``)."""


@dataclass
class NewPlan:
    """The next period's plan text, what became of each document, and the years left."""

    text: str
    fates: list[Fate] = field(default_factory=list)
    data_dropped: bool = False
    periods: list[str] = field(default_factory=list)
    """The school years and periods moved in text: ``2024 - 2025 → 2025 - 2026``."""
    reviews: list[Review] = field(default_factory=list)


def shift_for_start(text: str, start: date) -> Shift:
    """The shift that moves the campaign's start (or, without a campaign, the plan's first
    date of issue) to ``start``."""
    data = read_yaml(text).data
    campaign = data.get("campaign") if isinstance(data, dict) else None
    anchors = [campaign.get("start") if isinstance(campaign, dict) else None,
               data.get("issued_on") if isinstance(data, dict) else None]
    listed = data.get("van_ban") if isinstance(data, dict) else None
    if isinstance(listed, list):
        anchors += [e.get("issued_on") for e in listed if isinstance(e, dict)]
    old = next((day for a in anchors if (day := _as_date(str(a or ""))) is not None), None)
    if old is None:
        raise ValueError("no start")
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


def _moved_moment(text: str, shift: Shift) -> str | None:
    """A day and time (``2025-12-10 14:00``) with its day moved, written as it was."""
    found = MOMENT.match(text.strip())
    if found is None:
        return None
    day_text = found["day"] or found["day2"]
    day = _as_date(day_text)
    if day is None:
        return None
    moved = _format_like(day_text, shift.apply(day))
    if found["day"]:
        return f"{moved} {found['time']}"
    return f"{found['time2']} {moved}"


def new_plan(text: str, shift: Shift) -> NewPlan:
    """The next period's plan: documents of the old results and the data files dropped
    (each said), every date moved, each document's number and date left blank for the
    văn thư, periods in text moved, the other years in text listed."""
    result = NewPlan(text)
    _drop_old_results(result)
    located = read_yaml(result.text)
    edits = dict(_date_edits(result.text, located, shift))
    edits.update(_period_edits(result, located, shift))
    result.text = _apply(result.text, edits)
    for document in _documents(read_yaml(result.text)):
        result.text = _list_blanks(result.text, document)
    result.reviews = _reviews(read_yaml(result.text),
                              {p.split(" → ")[1] for p in result.periods})
    return result


# -- documents ------------------------------------------------------------------------------


def _documents(located: Located) -> list[DataPath]:
    """Where each document of the file is: ``()`` for one written at the top level (the
    file has ``trich_yeu`` there), ``("van_ban", i)`` for each listed one."""
    data = located.data if isinstance(located.data, dict) else {}
    found: list[DataPath] = [()] if "trich_yeu" in data else []
    listed = data.get("van_ban")
    if isinstance(listed, list):
        found += [("van_ban", i) for i, entry in enumerate(listed) if isinstance(entry, dict)]
    return found


def file_of(entry: dict[str, Any]) -> str:
    """The file a document's entry is built to: ``quyet-dinh-khen-thuong.docx``."""
    code = str(entry.get("kind", "KH"))
    try:
        stem = vn.slug(mau.name_of(code))
    except KeyError:
        stem = vn.slug(code)
    key = entry.get("key")
    return f"{stem}-{key}.docx" if key else f"{stem}.docx"


def _texts(value: Any) -> Iterator[str]:
    return (text for text in scalars(value) if isinstance(text, str))


def _old_results(entry: dict[str, Any]) -> str | None:
    """What of the old period's results a document uses, if any."""
    used = sorted({name for text in _texts(entry) if uses_data(text)
                   for name in DATA_NAMES if name in text})
    if "khen_thuong" in entry:
        used.append("khen_thuong")
    return ", ".join(used) or None


def _drop_old_results(result: NewPlan) -> None:
    """Drop the documents drawn from the old period's results, then those quoting a
    dropped one, then the data files; each document kept or dropped is told."""
    located = read_yaml(result.text)
    data = located.data if isinstance(located.data, dict) else {}
    listed = data.get("van_ban")
    entries = {i: e for i, e in enumerate(listed if isinstance(listed, list) else [])
               if isinstance(e, dict)}
    why = {i: reason for i, e in entries.items() if (reason := _old_results(e))}
    changed = True
    while changed:  # a document quoting a dropped one goes too
        changed = False
        for i, entry in entries.items():
            if i in why:
                continue
            quoted = next((file_of(entries[j]) for j in why
                           if any(file_of(entries[j])[:-5] in t for t in _texts(entry)
                                  if "tham_chieu" in t)), None)
            if quoted is not None:
                why[i], changed = quoted, True
    if "trich_yeu" in data:
        result.fates.append(Fate(file_of(data)))
    result.fates += [Fate(file_of(e), why.get(i)) for i, e in entries.items()]
    for i in sorted(why, reverse=True):
        result.text = _drop_item(result.text, ("van_ban", i))
    if why and len(why) == len(entries):
        result.text = _drop_key(result.text, "van_ban")
    if DROPPED_DATA in data:
        result.text = _drop_key(result.text, DROPPED_DATA)
        result.data_dropped = True


def _line_start(text: str, line: int) -> int:
    """The offset where line ``line`` (from 1) begins."""
    return sum(len(x) for x in text.splitlines(keepends=True)[:line - 1])


def _drop_key(text: str, key: str) -> str:
    """``text`` without the top-level ``key`` and its value (comments kept)."""
    located = read_yaml(text)
    if (key,) not in located.keys:
        return text
    begin = _line_start(text, located.keys[(key,)][0])
    end = located.spans[(key,)][1]
    return text[:begin] + text[end:].lstrip("\n")


def _drop_item(text: str, path: DataPath) -> str:
    """``text`` without the list item at ``path`` (a block mapping under "- "), the
    comment lines right above it going with it."""
    located = read_yaml(text)
    line = located.values[path][0]
    lines = text.splitlines(keepends=True)
    first = line
    while first > 1 and lines[first - 2].lstrip().startswith("#"):
        first -= 1
    begin = _line_start(text, first)
    end = located.spans[path][1]
    end = _line_start(text, text.count("\n", 0, end) + 1) if text[end - 1:end] != "\n" else end
    return text[:begin] + text[end:]


# -- dates and periods ----------------------------------------------------------------------


def _cleared(path: DataPath, documents: list[DataPath]) -> bool:
    """A document's own number or date of issue: left for the văn thư."""
    return len(path) >= 1 and path[-1] in CLEARED and path[:-1] in documents


def _date_edits(text: str, located: Located, shift: Shift
                ) -> Iterator[tuple[tuple[int, int], str]]:
    documents = _documents(located)
    for path, (begin, end) in located.spans.items():
        value = value_at(located.data, path)
        if _cleared(path, documents):
            if value is not None:
                yield (begin - 1 if text[begin - 1] == " " else begin, end), ""
            continue
        if isinstance(value, str) and ((day := _as_date(value)) is not None
                                        or _moved_moment(value, shift) is not None):
            raw = text[begin:end]
            quote = raw[0] if raw[:1] in "'\"" else ""
            moved = (_format_like(value, shift.apply(day)) if day is not None
                     else _moved_moment(value, shift))
            yield (begin, end), f"{quote}{moved}{quote}"
        elif isinstance(value, int) and not isinstance(value, bool) and path[-1:] == ("year",):
            yield (begin, end), str(shift.year(value))


def own_years(located: Located) -> set[int]:
    """The years of the plan's own dates and times: the period its text may name."""
    years: set[int] = set()
    for path in located.values:
        value = value_at(located.data, path)
        if isinstance(value, str):
            found = MOMENT.match(value.strip())
            day = _as_date(value) or (_as_date(found["day"] or found["day2"]) if found else None)
            if day is not None:
                years.add(day.year)
    return years


def _own_period(first: int, last: int, own: set[int]) -> bool:
    """A school year (one of its years the plan's own) or a period (both within the plan's
    years), not a period the text cites ("giai đoạn 2022 - 2025, tầm nhìn đến năm 2030")."""
    if not own:
        return False
    if last == first + 1 and (first in own or last in own):
        return True
    return min(own) <= first and last <= max(own)


def _period_edits(result: NewPlan, located: Located, shift: Shift
                  ) -> Iterator[tuple[tuple[int, int], str]]:
    """"năm học 2024 - 2025" → "năm học 2025 - 2026" in every text but the căn cứ, where
    the period is the plan's own, at the positions of the file's text."""
    text = result.text
    own = own_years(located)
    for path, (begin, end) in located.spans.items():
        value = value_at(located.data, path)
        if not isinstance(value, str) or set(path) & set(UNMOVED):
            continue
        for found in PERIOD.finditer(text, begin, end):
            first, last = int(found["first"]), int(found["last"])
            if not _own_period(first, last, own):
                continue
            new = f"{shift.year(first)}{found['dash']}{shift.year(last)}"
            result.periods.append(f"{found.group()} → {found['lead']}{new}")
            yield (found.start("first"), found.end("last")), new


def _apply(text: str, edits: dict[tuple[int, int], str]) -> str:
    for (begin, end), replacement in sorted(edits.items(), reverse=True):
        text = text[:begin] + replacement + text[end:]
    return text


def _list_blanks(text: str, document: DataPath) -> str:
    """Make the document's ``de_trong`` list its number and date of issue, left for the
    văn thư."""
    located = read_yaml(text)
    key = (*document, "de_trong")
    if key in located.spans:
        begin, end = located.spans[key]
        colon = text.rindex(":", 0, begin) + 1
        if "\n" in text[colon:begin]:  # a block list under the key: the flow list replaces it
            end = begin + len(text[begin:end].rstrip())  # the line break after it stays
            return _apply(text, {(colon, end): f" {BLANKS}"})
        return _apply(text, {(begin, end): BLANKS})
    anchor = next((located.keys[k] for k in ((*document, "issued_on"), (*document, "kind"),
                                              (*document, "trich_yeu"), ("place",))
                   if k in located.keys), None)
    indent = " " * ((anchor[1] if anchor else 1) - 1)
    line = f"{indent}de_trong: {BLANKS}  # văn thư ghi số và ngày khi ban hành\n"
    if anchor is None:
        return line + text
    lines = text.splitlines(keepends=True)
    lines.insert(anchor[0], line)
    return "".join(lines)


def _reviews(located: Located, moved: set[str]) -> list[Review]:
    """Each text holding a year plangen did not move (``moved``: the periods it did, as
    they read now)."""
    reviews = []
    for path, (line, _col) in sorted(located.values.items(), key=lambda kv: kv[1]):
        value = value_at(located.data, path)
        if not isinstance(value, str) or _as_date(value) or MOMENT.match(value.strip()):
            continue
        rest = value if set(path) & set(UNMOVED) or not moved else PERIOD.sub(
            lambda m: "" if m.group() in moved else m.group(), value)
        years = [m.group() for m in YEAR_IN_TEXT.finditer(rest)]
        if years:
            first = YEAR_IN_TEXT.search(value)
            assert first is not None
            around = value[max(0, first.start() - 40):first.end() + 40]
            reviews.append(Review(line, tuple(years), " ".join(around.split())))
    return reviews

