"""Rules that relate several fields of a valid plan, each reported at the field it concerns.

Why: pydantic validators can only report a cross-field problem at the model as a whole;
an admin needs the exact line, so these checks run after the model is valid and return
their problems with the path of the offending field.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from plangen.plan.model import (
    Annex,
    Campaign,
    Entry,
    Plan,
    Section,
    Signer,
    VanBanTenLoai,
)
from plangen.plan.problems import RuleProblem
from plangen.plan.textblocks import FOOTNOTE_REFERENCE, footnotes_of, pipe_tables
from plangen.plan.yamlread import DataPath
from plangen.spec import nd30
from plangen.spec.vn import leads_in, ngay_ngan

ARCHIVE = re.compile(r"^Lưu: VT(, [^.;]+)?$")


def check_plan(plan: Plan) -> list[RuleProblem]:
    """Every cross-field problem of ``plan``, in file order where possible."""
    campaign = plan.campaign
    main = plan.first("KH")
    return [
        *_has_documents(plan),
        *(_issue_date(plan, main) if main is not None else ()),
        *(_campaign(campaign, main.issued_on if main else None) if campaign is not None
          else ()),
        *(_signer(plan.signer, ("signer",)) if plan.signer is not None else ()),
        *(problem for key, signer in plan.signers.items()
          for problem in _signer(signer, ("signers", key))),
        *_reports(plan),
        *_data_needs_campaign(plan),
        *_documents(plan),
    ]


def check_ready(plan: Plan) -> list[RuleProblem]:
    """What a final build (not ``--draft``) needs of every document the plan lists, found
    with the plan's other problems rather than after its documents are made: a name under
    each signature, and a number and a date unless they are left to the văn thư
    (``de_trong``). The gate still reads each finished file for the same."""
    unsigned: dict[DataPath, list[str]] = {}
    blanks: list[RuleProblem] = []
    for i, entry in enumerate(plan.van_ban):
        path: DataPath = ("van_ban", i)
        file = f"{entry.file_stem}.docx"
        chosen = [((*path, "signer"), entry.signer)] if entry.uses_signer else []
        chosen += [((*path, "lien_tich", j, "signer"), co.signer)
                   for j, co in enumerate(entry.lien_tich)]
        for where, signer in chosen:
            _unnamed(plan, signer, where, file, unsigned)
        for blank, value in (("number", entry.number), ("issued_on", entry.day)):
            if value is None and blank not in entry.de_trong:
                blanks.append(RuleProblem((*path, blank), "ready_blank", {"field": blank}))
    if plan.data is not None and plan.data.results is not None:
        _unnamed(plan, plan.reports.signer, ("reports", "signer"), "bao-cao-*.docx", unsigned)
    return [RuleProblem((*where, "name"), "ready_signer", {"files": ", ".join(files)})
            for where, files in unsigned.items()] + blanks


def _unnamed(plan: Plan, chosen: Signer | str | None, path: DataPath, file: str,
             unsigned: dict[DataPath, list[str]]) -> None:
    """Add ``file`` under the path of the signer it names (its own, one of ``signers``,
    or the plan's) when that signer has no name."""
    found = plan.signer_of(chosen)
    if found is None or found.name is not None:
        return  # no signer at all is the plan's rules' to say
    where: DataPath = (path if isinstance(chosen, Signer) else
                       ("signers", chosen) if isinstance(chosen, str) else ("signer",))
    unsigned.setdefault(where, []).append(file)


def _has_documents(plan: Plan) -> Iterator[RuleProblem]:
    if not plan.van_ban:
        yield RuleProblem((), "no_document")


def _documents(plan: Plan) -> Iterator[RuleProblem]:
    """The rules every document keeps, then its kind's own, each at its path."""
    seen: dict[str, int] = {}
    for i, entry in enumerate(plan.van_ban):
        path: DataPath = ("van_ban", i)
        if entry.file_stem in seen:
            yield RuleProblem((*path, "key"), "document_file_twice",
                              {"file": f"{entry.file_stem}.docx"})
        seen.setdefault(entry.file_stem, i)
        yield from (p.under(path) for p in _entry(plan, entry))


def _entry(plan: Plan, entry: Entry) -> Iterator[RuleProblem]:
    yield from _trich_yeu(entry.trich_yeu)
    yield from _recipients(entry.noi_nhan, ("noi_nhan",))
    if entry.uses_signer:
        yield from _signed(plan, entry.signer, ("signer",))
    for j, co in enumerate(entry.lien_tich):
        yield from _signed(plan, co.signer, ("lien_tich", j, "signer"))
    for path, annexes in entry.annex_lists():
        yield from (p.under(path) for p in _annexes(annexes))
    for path, text in entry.texts():
        yield from _footnotes(text, path)
        yield from _tables(text, path)
        yield from markdown_plangen_does_not_print(text, path)
    for path, text in entry.lines():
        if FOOTNOTE_REFERENCE.search(text):
            yield RuleProblem(path, "footnote_not_here")
    if isinstance(entry, VanBanTenLoai):
        yield from _ten_loai(entry)
    yield from entry.rules(plan)


def _signed(plan: Plan, chosen: Signer | str | None, path: DataPath) -> Iterator[RuleProblem]:
    """A document's signer: its own (checked as every signer is), one of ``signers`` by
    name, or the plan's."""
    if isinstance(chosen, Signer):
        yield from _signer(chosen, path)
    elif isinstance(chosen, str) and chosen not in plan.signers:
        yield RuleProblem(path, "unknown_signer", {
            "name": chosen, "known": ", ".join(plan.signers) or "—"})
    elif chosen is None and plan.signer is None:
        yield RuleProblem(path, "signer_missing")


def _ten_loai(entry: VanBanTenLoai) -> Iterator[RuleProblem]:
    """A document of Mẫu 1.4: some content, headings without typed numbers, căn cứ that
    are căn cứ, no Kính gửi on a Kế hoạch."""
    if not (entry.body or entry.content or entry.opening):
        yield RuleProblem((), "document_needs_content")
    yield from sections(entry.body, ("body",), depth=1, scheme=entry.numbering)
    yield from _can_cu(entry.can_cu, entry.opening)
    if entry.kind == "KH" and entry.kinh_gui:
        yield RuleProblem(("kinh_gui",), "kinh_gui_for_kh")


def _issue_date(plan: Plan, main: Entry) -> Iterator[RuleProblem]:
    """The campaign's Kế hoạch is issued before its first phase ends."""
    phases = plan.campaign.phases if plan.campaign is not None else []
    if phases and main.issued_on is not None and main.issued_on >= phases[0].end:
        where = plan.van_ban.index(main)
        yield RuleProblem(("van_ban", where, "issued_on"), "issued_after_first_phase",
                          {"issued": ngay_ngan(main.issued_on), "end": ngay_ngan(phases[0].end)})


def _inside(campaign: Campaign, day: date, path: DataPath) -> Iterator[RuleProblem]:
    if not campaign.start <= day <= campaign.end:
        yield RuleProblem(path, "outside_period", {
            "value": ngay_ngan(day), "start": ngay_ngan(campaign.start),
            "end": ngay_ngan(campaign.end)})


def _campaign(campaign: Campaign, issued_on: date | None) -> Iterator[RuleProblem]:
    base: DataPath = ("campaign",)
    if campaign.end < campaign.start:
        yield RuleProblem((*base, "end"), "period_reversed", {
            "start": ngay_ngan(campaign.start), "end": ngay_ngan(campaign.end)})
        return
    yield from _phases(campaign, issued_on)
    yield from _milestones(campaign)
    for key, target in campaign.targets.items():
        if target.group is not None and target.group not in campaign.participants:
            yield RuleProblem((*base, "targets", key, "group"), "unknown_group", {
                "name": target.group, "known": ", ".join(campaign.participants) or "—"})


def _phases(campaign: Campaign, issued_on: date | None) -> Iterator[RuleProblem]:
    previous_end: date | None = None
    for i, phase in enumerate(campaign.phases):
        path: DataPath = ("campaign", "phases", i)
        start = phase.start or issued_on  # an open start means "from the date of issue"
        start_path = (*path, "start") if phase.start else (*path, "name")
        if start is not None and phase.end < start and phase.start is not None:
            # (an implied start is the date of issue: _issue_date reports that case)
            yield RuleProblem((*path, "end"), "phase_reversed",
                              {"start": ngay_ngan(start), "end": ngay_ngan(phase.end)})
        # Phases may share a boundary day: the seed's phase 2 starts on the day phase 1 ends.
        if previous_end is not None and start is not None and start < previous_end:
            yield RuleProblem(start_path, "phase_overlap", {
                "start": ngay_ngan(start), "previous_end": ngay_ngan(previous_end)})
        if phase.start:
            yield from _inside(campaign, phase.start, (*path, "start"))
        yield from _inside(campaign, phase.end, (*path, "end"))
        if phase.link is not None and phase.link not in campaign.links:
            yield RuleProblem((*path, "link"), "unknown_link",
                              {"name": phase.link, "known": ", ".join(campaign.links) or "—"})
        previous_end = phase.end


def _milestones(campaign: Campaign) -> Iterator[RuleProblem]:
    for i, milestone in enumerate(campaign.milestones):
        path: DataPath = ("campaign", "milestones", i)
        if not campaign.start.year <= milestone.year <= campaign.end.year:
            yield RuleProblem((*path, "year"), "milestone_year", {
                "year": milestone.year, "start_year": campaign.start.year,
                "end_year": campaign.end.year})
        if milestone.deadline is None:
            continue
        if milestone.deadline.year != milestone.year:
            yield RuleProblem((*path, "deadline"), "deadline_year", {
                "value": ngay_ngan(milestone.deadline), "year": milestone.year})
            continue
        yield from _inside(campaign, milestone.deadline, (*path, "deadline"))


# A heading typed with its number: "1. Mục tiêu", "II. NHIỆM VỤ", "a) …", "1.2 …", "A. …".
_CAPITAL = "A-ZĐÀ-ỸÁ-Ỹ"
_TYPED_NUMBER = re.compile(
    r"^\s*(?P<mark>\d+(?:\.\d+)+\.?|(?:[IVXLC]+|[A-Z]|\d+|[a-zđ])[.)]"  # "1.2.", "I."
    r"|(?:[IVXLC]+|\d{1,2})\s*[-–—:]"  # "I -", "2:"
    r"|Điều\s+\d+\s*[.:]?"  # "Điều 1."
    r"|(?:[IVXLC]+|\d{1,2})(?=\s+[" + _CAPITAL + r"]))"  # "I Mục đích", "1 Phạm vi"
    r"\s*(?P<rest>\S.*)$", re.DOTALL)
_TYPED_DASH = re.compile(r"^\s*[-–—+*]\s*(?P<rest>\S.*)$", re.DOTALL)


def sections(sections: list[Section], path: DataPath, depth: int,
             scheme: str) -> Iterator[RuleProblem]:
    """Headings typed with their own number; sections deeper than the scheme numbers."""
    yield from _sections(sections, path, depth, scheme)


def _sections(sections: list[Section], path: DataPath, depth: int,
              scheme: str) -> Iterator[RuleProblem]:
    levels = len(nd30.NUMBERING[scheme])
    if sections and depth > levels:
        yield RuleProblem(path, f"section_depth_{scheme}")
        return
    for i, section in enumerate(sections):
        typed = _TYPED_NUMBER.match(section.heading)
        dash = _TYPED_DASH.match(section.heading)
        if typed is not None:
            yield RuleProblem((*path, i, "heading"), "heading_numbered", {
                "mark": typed["mark"].strip(), "rest": typed["rest"].strip()})
        elif dash is not None:
            yield RuleProblem((*path, i, "heading"), "heading_dash",
                              {"rest": dash["rest"].strip()})
        yield from _sections(section.sections, (*path, i, "sections"), depth + 1, scheme)


def _recipients(noi_nhan: list[str], path: DataPath) -> Iterator[RuleProblem]:
    if not noi_nhan:
        return
    *others, last = noi_nhan
    for i, item in enumerate(others):
        if item.startswith("Lưu"):
            yield RuleProblem((*path, i), "archive_not_last")
    last_path: DataPath = (*path, len(noi_nhan) - 1)
    if not last.startswith("Lưu"):
        yield RuleProblem(last_path, "archive_missing")
    elif not ARCHIVE.match(last):
        yield RuleProblem(last_path, "archive_form", {"value": last})


def _needs(authority: tuple[str, ...]) -> tuple[str, ...]:
    """The fields a signer with ``authority`` must fill (NĐ30 PL I, II.7.a)."""
    needs = ["collective"] if "TM." in authority else []
    if set(authority) & {"KT.", "TL.", "TUQ.", "Q."}:
        needs.append("head_title")
    if authority != ("Q.",):  # "Q. GIÁM ĐỐC": the acting head has no title of their own
        needs.append("title")
    return tuple(needs)


_PREFIX_TYPED = re.compile(r"^\s*(?P<prefix>TM|KT|TL|TUQ|Q|K/T|T/L|TU/Q)\s*\.?\s+(?P<rest>\S.*)$",
                           re.IGNORECASE)
_PREFIX_NAMES = {"K/T": "KT.", "T/L": "TL.", "TU/Q": "TUQ."}


def _prefix_typed(signer: Signer, path: DataPath) -> Iterator[RuleProblem]:
    """A quyền hạn typed into a title ("KT. Hiệu trưởng"): printed as it stands, it would
    lose the signer's own position line, and the manifest would record no authority."""
    for field in ("title", "head_title", "collective"):
        found = _PREFIX_TYPED.match(getattr(signer, field) or "")
        if found is None:
            continue
        typed = found["prefix"].upper()
        prefix = _PREFIX_NAMES.get(typed, f"{typed}.")
        after = "collective" if prefix == "TM." else "head_title"
        yield RuleProblem((*path, field), "signer_prefix_typed", {
            "prefix": prefix, "field": after, "rest": found["rest"].strip()})


def _signer(signer: Signer, path: DataPath) -> Iterator[RuleProblem]:
    prefixed = list(_prefix_typed(signer, path))
    if prefixed:  # the other checks would only say the same thing less clearly
        yield from prefixed
        return
    authority = signer.authority or ()
    needs = _needs(authority)
    shown = " ".join(authority) or "—"
    missing = [name for name in needs if getattr(signer, name) is None]
    if missing and not authority:
        yield RuleProblem((*path, "title"), "signer_needs_title")
    elif missing:
        yield RuleProblem((*path, missing[0]), "signer_needs", {
            "authority": shown, "fields": ", ".join(missing)})
    for unused in ("collective", "head_title", "title"):
        if unused not in needs and getattr(signer, unused) is not None:
            yield RuleProblem((*path, unused), f"signer_{unused}_unused", {"authority": shown})
    words = (signer.name or "").split()
    first_word = words[0] if words else ""
    if first_word in nd30.ACADEMIC_TITLES or first_word.rstrip(".") + "." in nd30.ACADEMIC_TITLES:
        yield RuleProblem((*path, "name"), "academic_title", {"title": first_word})


def _reports(plan: Plan) -> Iterator[RuleProblem]:
    yield from _recipients(plan.reports.noi_nhan, ("reports", "noi_nhan"))
    if plan.reports.signer is not None:
        yield from _signed(plan, plan.reports.signer, ("reports", "signer"))


def _data_needs_campaign(plan: Plan) -> Iterator[RuleProblem]:
    """Registrations and results belong to a campaign: its period dates the reports."""
    if plan.data is not None and plan.campaign is None:
        yield RuleProblem(("data",), "data_needs_campaign")


ANNEX_SOURCES = ("template", "table", "content")


def _annexes(annexes: list[Annex]) -> Iterator[RuleProblem]:
    """Each Phụ lục is made of exactly one thing; a table's rows fit its columns (paths
    from the list's own: ``(0, "table")``)."""
    for i, annex in enumerate(annexes):
        path: DataPath = (i,)
        given = [name for name in ANNEX_SOURCES if getattr(annex, name) is not None]
        if len(given) != 1:
            yield RuleProblem((*path, given[1]) if given else path, "annex_one_source",
                              {"found": ", ".join(given) or "—"})
        if annex.template is not None and not annex.template.lower().endswith(".docx"):
            yield RuleProblem((*path, "template"), "annex_template_docx",
                              {"value": annex.template})
        if annex.table is not None:
            yield from _table(annex.table.columns, annex.table.rows, annex.table.file,
                              (*path, "table"))


def _table(columns: list[str], rows: list[list[str]], file: str | None,
           path: DataPath) -> Iterator[RuleProblem]:
    if file is not None and rows:
        yield RuleProblem((*path, "file"), "table_rows_or_file")
    elif file is None and not columns:
        yield RuleProblem(path, "table_needs_columns")
    for j, row in enumerate(rows):
        if columns and len(row) != len(columns):
            yield RuleProblem((*path, "rows", j), "table_row_length",
                              {"got": len(row), "columns": len(columns)})


def _footnotes(text: str, path: DataPath) -> Iterator[RuleProblem]:
    """A footnote mark needs its text in the same field; a text no mark cites is a slip."""
    body, notes = footnotes_of(text)
    cited = dict.fromkeys(m["key"] for m in FOOTNOTE_REFERENCE.finditer(body))
    for key in cited:
        if key not in notes:
            yield RuleProblem(path, "footnote_undefined", {"key": key})
    for key in notes:
        if key not in cited:
            yield RuleProblem(path, "footnote_unused", {"key": key})


def _trich_yeu(text: str) -> Iterator[RuleProblem]:
    """NĐ30 (PL I, II.5.a) prints the trích yếu in bold lowercase: capitals typed by the
    author would reach the gate as C19, so they are refused here, at their line."""
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        yield RuleProblem(("trich_yeu",), "trich_yeu_caps")


def _can_cu(can_cu: list[str], opening: str | None) -> Iterator[RuleProblem]:
    """plangen ends each căn cứ with ";" or "."; a ":" means the lead-in sentence ("…
    như sau:") was typed into the căn cứ, and the opening must not hold căn cứ."""
    for i, text in enumerate(can_cu):
        if text.rstrip().endswith(":"):
            yield RuleProblem(("can_cu", i), "can_cu_colon")
    first = (opening or "").strip().split("\n\n", 1)[0]
    if first.startswith("Căn cứ") and not leads_in(" ".join(first.split())):
        yield RuleProblem(("opening",), "opening_can_cu")


def _tables(text: str, path: DataPath) -> Iterator[RuleProblem]:
    """A row of a Markdown table with more or fewer cells than its title row; a footnote
    mark in a cell (no footnote is printed there)."""
    for table in pipe_tables(text):
        if any(FOOTNOTE_REFERENCE.search(cell) for row in [table.header, *table.rows]
               for cell in row):
            yield RuleProblem(path, "footnote_not_here")
        for row in table.rows:
            if len(row) != len(table.header):
                yield RuleProblem(path, "markdown_row_length",
                                  {"row": " | ".join(row), "got": len(row),
                                   "columns": len(table.header)})


# Markdown that plangen prints no other way than as typed (or not at all): each is refused
# at its line, by name, rather than printed as "### …" or dropped.
_UNSUPPORTED = (
    (re.compile(r"^ {0,3}>"), "blockquote"),
    (re.compile(r"^ {0,3}#{1,6}(\s|$)"), "heading"),
    (re.compile(r"^ {0,3}([-*_])( *\1){2,} *$"), "rule"),
    (re.compile(r"^ {0,3}=+ *$"), "rule"),
    (re.compile(r"^ {0,3}(```|~~~)"), "code"),
    (re.compile(r"~~[^~]"), "strike"),
    (re.compile(r"!\["), "image"),
)
_LETTER_DOT = re.compile(r"^\s*(?P<letter>[a-zđ])\.\s+\S")


def markdown_plangen_does_not_print(text: str, path: DataPath) -> Iterator[RuleProblem]:
    """Blockquotes, Markdown headings, horizontal rules, code blocks, strike-through and
    images, and a điểm lettered "b." (NĐ30 writes "b)"), each at its line of ``text``;
    lines of a table are the table's."""
    for number, line in enumerate(text.splitlines(), 1):
        if "|" in line:
            continue
        construct = next((name for pattern, name in _UNSUPPORTED if pattern.search(line)),
                         None)
        if construct is not None:
            yield RuleProblem(path, f"markdown_{construct}", {"line": line.strip()[:40]},
                              number)
        letter = _LETTER_DOT.match(line)
        if letter is not None:
            yield RuleProblem(path, "diem_dot", {"letter": letter["letter"]}, number)
