"""Rules that relate several fields of a valid plan, each reported at the field it concerns.

Why: pydantic validators can only report a cross-field problem at the model as a whole;
an admin needs the exact line, so these checks run after the model is valid and return
their problems with the path of the offending field.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from plangen.plan.model import Annex, Campaign, CongVan, Plan, QuyetDinh, Section, Signer
from plangen.plan.textblocks import FOOTNOTE_REFERENCE, footnotes_of, pipe_tables
from plangen.plan.yamlread import DataPath
from plangen.spec import nd30
from plangen.spec.vn import ngay_ngan

ARCHIVE = re.compile(r"^Lưu: VT(, [^.;]+)?$")


@dataclass(frozen=True)
class RuleProblem:
    """A broken rule: where (path in the plan), which (message code), and the details."""

    path: DataPath
    code: str
    values: dict[str, Any] = field(default_factory=dict)


def check_plan(plan: Plan) -> list[RuleProblem]:
    """Every cross-field problem of ``plan``, in file order where possible."""
    campaign = plan.campaign
    return [
        *_issue_date(plan),
        *_trich_yeu(plan.trich_yeu),
        *_can_cu(plan),
        *(_campaign(campaign, plan.issued_on) if campaign is not None else ()),
        *_sections(plan.body, ("body",), depth=1, scheme=plan.numbering),
        *_recipients(plan.noi_nhan, ("noi_nhan",)),
        *_signer(plan.signer, ("signer",)),
        *_kinh_gui(plan),
        *_reports(plan),
        *_data_needs_campaign(plan),
        *_annexes(plan.phu_luc),
        *_trail(plan),
        *(problem for path, text in _text_fields(plan)
          for problem in (*_footnotes(text, path), *_tables(text, path))),
        *_notes_where_none_go(plan),
    ]


def _issue_date(plan: Plan) -> Iterator[RuleProblem]:
    phases = plan.campaign.phases if plan.campaign is not None else []
    if phases and plan.issued_on is not None and plan.issued_on >= phases[0].end:
        yield RuleProblem(("issued_on",), "issued_after_first_phase",
                          {"issued": ngay_ngan(plan.issued_on), "end": ngay_ngan(phases[0].end)})


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
_TYPED_NUMBER = re.compile(r"^\s*(?P<mark>(?:[IVXLC]+|[A-Z]|\d+|[a-zđ])[.)]|\d+(?:\.\d+)+\.?)\s+"
                           r"(?P<rest>\S.*)$", re.DOTALL)


def _sections(sections: list[Section], path: DataPath, depth: int,
              scheme: str) -> Iterator[RuleProblem]:
    levels = len(nd30.NUMBERING[scheme])
    if sections and depth > levels:
        yield RuleProblem(path, f"section_depth_{scheme}")
        return
    for i, section in enumerate(sections):
        typed = _TYPED_NUMBER.match(section.heading)
        if typed is not None:
            yield RuleProblem((*path, i, "heading"), "heading_numbered", {
                "mark": typed["mark"], "rest": typed["rest"].strip()})
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


def _signer(signer: Signer, path: DataPath) -> Iterator[RuleProblem]:
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
        yield from _signer(plan.reports.signer, ("reports", "signer"))


def _data_needs_campaign(plan: Plan) -> Iterator[RuleProblem]:
    """Registrations and results belong to a campaign: its period dates the reports."""
    if plan.data is not None and plan.campaign is None:
        yield RuleProblem(("data",), "data_needs_campaign")


def _kinh_gui(plan: Plan) -> Iterator[RuleProblem]:
    if plan.kind == "KH" and plan.kinh_gui:
        yield RuleProblem(("kinh_gui",), "kinh_gui_for_kh")


ANNEX_SOURCES = ("template", "table", "content")


def _annexes(annexes: list[Annex]) -> Iterator[RuleProblem]:
    """Each Phụ lục is made of exactly one thing; a table's rows fit its columns."""
    for i, annex in enumerate(annexes):
        path: DataPath = ("phu_luc", i)
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


def _text_fields(plan: Plan) -> Iterator[tuple[DataPath, str]]:
    """Every Markdown field that may carry footnotes, with its path."""
    for name in ("opening", "closing"):
        text = getattr(plan, name)
        if text is not None:
            yield (name,), text
    yield from _section_texts(plan.body, ("body",))
    yield from _annex_texts(plan.phu_luc, ("phu_luc",))
    for i, entry in enumerate(plan.van_ban):
        path: DataPath = ("van_ban", i)
        if isinstance(entry, QuyetDinh):
            yield from (((*path, "dieu", j), text) for j, text in enumerate(entry.dieu))
            if entry.ban_hanh is not None:
                yield (*path, "ban_hanh", "content"), entry.ban_hanh.content
        else:
            yield (*path, "content"), entry.content
        if not isinstance(entry, CongVan):
            yield from _annex_texts(entry.phu_luc, (*path, "phu_luc"))


def _annex_texts(annexes: list[Annex], path: DataPath) -> Iterator[tuple[DataPath, str]]:
    for i, annex in enumerate(annexes):
        if annex.content is not None:
            yield (*path, i, "content"), annex.content


def _section_texts(sections: list[Section], path: DataPath) -> Iterator[tuple[DataPath, str]]:
    for i, section in enumerate(sections):
        if section.content is not None:
            yield (*path, i, "content"), section.content
        yield from _section_texts(section.sections, (*path, i, "sections"))


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


def _can_cu(plan: Plan) -> Iterator[RuleProblem]:
    """plangen ends each căn cứ with ";" or "."; a ":" means the lead-in sentence ("…
    như sau:") was typed into the căn cứ, and the opening must not hold căn cứ."""
    for i, text in enumerate(plan.can_cu):
        if text.rstrip().endswith(":"):
            yield RuleProblem(("can_cu", i), "can_cu_colon")
    if plan.opening is not None and plan.opening.lstrip().startswith("Căn cứ"):
        yield RuleProblem(("opening",), "opening_can_cu")


def _trail(plan: Plan) -> Iterator[RuleProblem]:
    """The paper trail's own rules: keys name files, so each is used once per kind;
    annexes, recipients and signers as elsewhere."""
    seen: set[tuple[str, str]] = set()
    for i, entry in enumerate(plan.van_ban):
        path: DataPath = ("van_ban", i)
        if (entry.kind, entry.key) in seen:
            yield RuleProblem((*path, "key"), "van_ban_key_twice", {"key": entry.key})
        seen.add((entry.kind, entry.key))
        yield from _recipients(entry.noi_nhan, (*path, "noi_nhan"))
        if entry.signer is not None:
            yield from _signer(entry.signer, (*path, "signer"))
        if isinstance(entry, QuyetDinh):
            yield from _decision(plan, entry, path)
        if isinstance(entry, CongVan) and re.match(r"^\s*V/v\b", entry.trich_yeu, re.I):
            yield RuleProblem((*path, "trich_yeu"), "vv_typed")
        if not isinstance(entry, CongVan):
            for problem in _annexes(entry.phu_luc):
                yield RuleProblem((*path, *problem.path), problem.code, problem.values)


_ARTICLE = re.compile(r"^\s*(\*\*)?Điều\s+\d+\s*[.:]")


def _decision(plan: Plan, entry: QuyetDinh, path: DataPath) -> Iterator[RuleProblem]:
    """An award list needs results to be drawn from; articles are numbered by plangen."""
    if entry.khen_thuong is not None and (plan.data is None or plan.data.results is None):
        yield RuleProblem((*path, "khen_thuong"), "award_needs_results")
    for i, text in enumerate(entry.dieu):
        if _ARTICLE.match(text):
            yield RuleProblem((*path, "dieu", i), "article_numbered")


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


def _notes_where_none_go(plan: Plan) -> Iterator[RuleProblem]:
    """A footnote mark where plangen prints no footnote (trích yếu, căn cứ, a heading;
    table cells are :func:`_tables`') would print as "[^1]": refused at its line."""
    lines: list[tuple[DataPath, str]] = [(("trich_yeu",), plan.trich_yeu)]
    lines += [(("can_cu", i), text) for i, text in enumerate(plan.can_cu)]
    lines += list(_headings(plan.body, ("body",)))
    for path, text in lines:
        if FOOTNOTE_REFERENCE.search(text):
            yield RuleProblem(path, "footnote_not_here")


def _headings(sections: list[Section], path: DataPath) -> Iterator[tuple[DataPath, str]]:
    for i, section in enumerate(sections):
        yield (*path, i, "heading"), section.heading
        yield from _headings(section.sections, (*path, i, "sections"))
