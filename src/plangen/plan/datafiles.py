"""Load the data files a plan names: registrations (YAML or the online form's CSV) and
results. Every problem is located in the data file, as for the plan itself.

Why: registrations come from many hands (staff typing in a web form, an admin editing
YAML), so they get the same strict, located validation as the plan; and a data path in a
plan may never reach outside the plan's folder.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plangen.errors import PlanError, Problem
from plangen.messages import Lang, message
from plangen.plan import figures
from plangen.plan.load import (
    at,
    decode_utf8,
    dotted,
    read_located,
    read_plan_located,
    ready_problems,
    resolve_deferred,
    validate_located,
)
from plangen.plan.model import CsvSource, Plan
from plangen.plan.records import Registration, RegistrationFile, ReportText, Results
from plangen.plan.yamlread import DATA_LIMITS, Located, clean_text
from plangen.spec import vn


@dataclass
class Bundle:
    """A plan with its registrations and results: everything the documents are made of,
    read once; ``plan_sha256`` is the hash of the plan file's bytes as they were read."""

    plan: Plan
    plan_file: Path
    plan_sha256: str
    registrations: list[Registration] = field(default_factory=list)
    results: Results = field(default_factory=Results)


def load_bundle(plan_file: Path, lang: Lang = "vi", final: bool = False) -> Bundle:
    """The plan of ``plan_file`` and its data files, validated; raises
    :class:`PlanError` with every problem: a data file is read, and its problems told,
    even when the plan has problems of its own, as long as the plan names it well. With
    ``final``, what a build that is not a draft needs of every document is checked too."""
    name = str(plan_file)
    try:
        plan, digest, located = read_plan_located(plan_file, lang, final)
    except PlanError as err:
        raise PlanError(err.problems + _data_problems(err.partial, plan_file, lang)) from None
    bundle = Bundle(plan, plan_file, digest)
    problems: list[Problem] = []
    try:
        _read_data(bundle, lang)
        # The CSV tables of the Phụ lục are read into the documents once their text is
        # evaluated: evaluating makes the documents anew from the file's values.
        plan = resolve_deferred(plan, located, name, trail_names(bundle), lang)
        bundle.plan = _annex_tables(plan, plan_file, located, lang)
        problems += [at(located, name, ("van_ban", i, *p.path), message(p.code, lang, **p.values))
                     for i, entry in enumerate(bundle.plan.van_ban)
                     for p in entry.data_rules(bundle)]
    except PlanError as err:
        problems += err.problems
    if final:
        problems += ready_problems(bundle.plan, located, name, lang)
    if problems:  # the plan file's in its order, then the data files'
        raise PlanError(sorted(problems, key=lambda p: (p.file != name, p.line, p.col)))
    return bundle


def trail_names(bundle: Bundle) -> dict[str, Any]:
    """What the paper trail's text may quote besides the plan: ``ket_qua`` (counts by
    level, per year and ``tong_ket``) and ``bao_cao`` (each report's number and date)."""
    plan, results = bundle.plan, bundle.results
    ket_qua: dict[str | int, dict[str, Any]] = {}
    bao_cao: dict[str | int, dict[str, Any]] = {}
    texts: dict[str | int, ReportText] = {year: r.report for year, r in results.years.items()}
    if results.final is not None:
        texts["tong_ket"] = results.final
    for key, text in texts.items():
        made = [r for r in bundle.registrations if key == "tong_ket" or r.year <= int(key)]
        which = "tong-ket" if key == "tong_ket" else key
        rows = figures.registration_rows(made, figures.results_of(which, results.years))
        ket_qua[key] = figures.level_names(rows)
        number = vn.hai_so(text.number) if text.number else vn.DOTS
        bao_cao[key] = {"so_ky_hieu": f"{number}/{vn.ky_hieu('BC', plan.issuer.abbreviation)}",
                        "ngay": (vn.ngay(text.issued_on) if text.issued_on
                                 else vn.DOTTED_NGAY)}
    return {"ket_qua": ket_qua, "bao_cao": bao_cao}


def _data_problems(plan: Plan | None, plan_file: Path, lang: Lang) -> list[Problem]:
    """The problems of the data files ``plan`` (what of an invalid plan was well-formed)
    names (data without a campaign is the plan's own problem: ``data_needs_campaign``)."""
    if plan is None or plan.campaign is None:
        return []
    try:
        _read_data(Bundle(plan, plan_file, ""), lang)
    except PlanError as err:
        return err.problems
    return []


def _read_data(bundle: Bundle, lang: Lang) -> None:
    """The registrations and results the plan names, into ``bundle``; raises
    :class:`PlanError` with every problem."""
    plan, plan_file = bundle.plan, bundle.plan_file
    if plan.data is None:
        return
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    every_id = True  # False once a registration file is refused: its ids are unknown
    for i, source in enumerate(plan.data.registrations):
        try:
            registrations = _registrations(plan_file, source, i, lang)
        except PlanError as err:
            problems += err.problems
            every_id = False
            continue
        for reg, where in registrations:
            key = reg.id.casefold()  # MH01 and mh01 would share one file name
            if key in seen:
                problems.append(where(message("duplicate_id", lang, id=reg.id,
                                              first=seen[key])))
            seen.setdefault(key, where("").file)
            bundle.registrations.append(reg)
    if plan.data.results is not None:
        try:
            bundle.results = _results(plan, plan_file, plan.data.results,
                                      seen if every_id else None, lang)
        except PlanError as err:
            problems += err.problems
    if problems:
        raise PlanError(problems)


def data_path(plan_file: Path, relative: str, where: str, lang: Lang) -> Path:
    """The data file ``relative`` to the plan's folder; refused if it leads outside it."""
    folder = plan_file.resolve().parent
    target = (folder / relative).resolve()
    if Path(relative).is_absolute() or folder not in target.parents:
        raise PlanError([Problem(str(plan_file), 0, 0, where,
                                 message("data_outside", lang, path=relative))])
    if not target.is_file():
        raise PlanError([Problem(str(plan_file), 0, 0, where,
                                 message("data_missing", lang, path=relative))])
    return target


Where = Any  # a function: message → Problem at the registration's place


def _registrations(plan_file: Path, source: str | CsvSource, index: int,
                   lang: Lang) -> list[tuple[Registration, Where]]:
    where = f"data.registrations[{index}]"
    if isinstance(source, str):
        path = data_path(plan_file, source, where, lang)
        located = read_located(path, lang)
        parsed = validate_located(RegistrationFile, located.data, located, str(path), lang)
        return [(reg, _locator(located, str(path), ("registrations", i)))
                for i, reg in enumerate(parsed.registrations)]
    path = data_path(plan_file, source.file, f"{where}.file", lang)
    return _csv_registrations(path, source, lang)


def _locator(located: Located, name: str, path: tuple[str | int, ...]) -> Where:
    return lambda text: at(located, name, path, text)


def _annex_tables(plan: Plan, plan_file: Path, located: Located, lang: Lang) -> Plan:
    """The plan with the rows of each annex table read from its CSV file, in the Phụ lục
    of every document."""
    problems: list[Problem] = []
    documents = []
    for i, entry in enumerate(plan.van_ban):
        update = {str(path[0]): _tables_of(annexes, dotted(located.origin(("van_ban", i, *path))),
                                      plan_file, lang, problems)
                  for path, annexes in entry.annex_lists() if annexes}
        documents.append(entry.model_copy(update=update) if update else entry)
    if problems:
        raise PlanError(problems)
    return plan.model_copy(update={"van_ban": documents})


def _tables_of(annexes: list[Any], where: str, plan_file: Path, lang: Lang,
               problems: list[Problem]) -> list[Any]:
    """``annexes`` with each CSV table read in; problems are added to ``problems``."""
    out = list(annexes)
    for i, annex in enumerate(out):
        table = annex.table
        if table is None or table.file is None:
            continue
        try:
            path = data_path(plan_file, table.file, f"{where}[{i}].table.file", lang)
            header, *rows = read_csv_rows(path, lang) or [[]]
        except PlanError as err:
            problems += err.problems
            continue
        columns = table.columns or [h.strip() for h in header]
        if not [c for c in columns if c]:
            problems.append(Problem(str(path), 1, 1, "", message("csv_no_header", lang)))
            continue
        if len(columns) == 1 and ";" in columns[0]:
            problems.append(Problem(str(path), 1, 1, "", message("csv_semicolons", lang)))
            continue
        for j, row in enumerate(rows):
            if any(cell.strip() for cell in row) and len(row) != len(columns):
                problems.append(Problem(str(path), j + 2, 1, "", message(
                    "table_row_length", lang, got=len(row), columns=len(columns))))
        rows = [row for row in rows if any(cell.strip() for cell in row)]
        out[i] = annex.model_copy(update={"table": table.model_copy(
            update={"columns": columns, "rows": rows, "file": None})})
    return out


def read_csv_rows(path: Path, lang: Lang) -> list[list[str]]:
    """The rows of a UTF-8 CSV file (a BOM from Excel is dropped), within the data limits."""
    raw = path.read_bytes()
    if len(raw) > DATA_LIMITS.bytes:
        raise PlanError([Problem(str(path), 0, 0, "", message(
            "too_large", lang, size=len(raw), limit=DATA_LIMITS.bytes))])
    text = decode_utf8(raw, str(path), lang)
    csv.field_size_limit(DATA_LIMITS.bytes)  # a cell may be as long as the file may be
    try:
        return list(csv.reader(io.StringIO(text)))
    except csv.Error as err:
        raise PlanError([Problem(str(path), 0, 0, "", message(
            "csv_broken", lang, reason=str(err)))]) from None


def _csv_registrations(path: Path, source: CsvSource,
                       lang: Lang) -> list[tuple[Registration, Where]]:
    rows = read_csv_rows(path, lang)
    if not rows:
        return []
    header = [h.strip() for h in rows[0]]
    missing = [f'"{title}"' for title in source.columns.values() if title not in header]
    if missing:
        raise PlanError([Problem(str(path), 1, 1, "", message(
            "csv_columns", lang, missing=", ".join(missing), found=", ".join(header)))])
    records, located, refused = _csv_records(rows, header, source, lang, str(path))
    if refused:
        raise PlanError(refused)
    registrations = validate_located(RegistrationFile, {"registrations": records}, located,
                                     str(path), lang).registrations
    return [(reg, _locator(located, str(path), ("registrations", i)))
            for i, reg in enumerate(registrations)]


def _csv_records(rows: list[list[str]], header: list[str], source: CsvSource, lang: Lang,
                 name: str) -> tuple[list[dict[str, Any]], Located, list[Problem]]:
    """Rows as registration records, with positions: line = row, column = field's column;
    cells are cleaned as YAML text is (NFC, invisible and control characters)."""
    located = Located(data=None)
    records: list[dict[str, Any]] = []
    refused: list[Problem] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        i = len(records)
        record: dict[str, Any] = {}
        located.values[("registrations", i)] = (number, 1)
        for field_name, title in source.columns.items():
            col = header.index(title)
            value, problem = clean_text(row[col].strip() if col < len(row) else "")
            if problem is not None:
                refused.append(Problem(name, number, col + 1, f"registrations[{i}].{field_name}",
                                       message(problem[0], lang, **problem[1])))
            located.values[("registrations", i, field_name)] = (number, col + 1)
            located.keys[("registrations", i, field_name)] = (number, col + 1)
            record[field_name] = _owner(value) if field_name == "owner" else value
        record.setdefault("id", f"DK{len(records) + 1:03d}")
        records.append(record)
    located.data = {"registrations": records}
    return records, located, refused


_PERSON = re.compile(r"^(?P<name>[^()]+?)\s*(?:\((?P<position>[^()]*)\))?$")


def _owner(value: str) -> dict[str, Any]:
    """``Tổ Văn phòng`` → a unit; ``Nguyễn Văn A (Giáo viên); Trần B`` → people."""
    if ";" not in value and "(" not in value:
        return {"unit": value}
    people = []
    for part in filter(None, (p.strip() for p in value.split(";"))):
        found = _PERSON.match(part)
        people.append({"name": found["name"], "position": found["position"]} if found
                      else {"name": part})
    return {"people": people}


def _results(plan: Plan, plan_file: Path, relative: str, ids: dict[str, str] | None,
             lang: Lang) -> Results:
    """The results file, each result's registration known (unless ``ids`` is None: a
    registration file was refused, and its ids are not known to be missing)."""
    path = data_path(plan_file, relative, "data.results", lang)
    located = read_located(path, lang)
    results = validate_located(Results, located.data, located, str(path), lang)
    name = str(path)
    problems = []
    campaign = plan.campaign
    if campaign is None:  # consistency.py refuses data without a campaign
        raise ValueError("results without a campaign")
    first, last = campaign.start.year, campaign.end.year
    for year, year_results in results.years.items():
        key_path: tuple[str | int, ...] = ("years", str(year))  # as written in the file
        if not first <= year <= last:
            problems.append(at(located, name, key_path, message(
                "milestone_year", lang, year=year, start_year=first, end_year=last)))
        for key in year_results.targets:
            if key not in campaign.targets:
                problems.append(at(located, name, (*key_path, "targets", key), message(
                    "unknown_target", lang, name=key,
                    known=", ".join(campaign.targets) or "—")))
        reported: set[str] = set()
        for i, result in enumerate(year_results.registrations):
            where = (*key_path, "registrations", i, "id")
            if ids is not None and result.id.casefold() not in ids:
                problems.append(at(located, name, where,
                                   message("unknown_registration", lang, id=result.id)))
            elif result.id.casefold() in reported:
                problems.append(at(located, name, where,
                                   message("duplicate_result", lang, id=result.id, year=year)))
            reported.add(result.id.casefold())
    if problems:
        raise PlanError(problems)
    return results

