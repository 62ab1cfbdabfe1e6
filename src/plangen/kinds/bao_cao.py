"""Báo cáo kết quả: one report for each campaign year and a final one for the period.

Why: the reports follow Mẫu 1.4 like the plan (header, BÁO CÁO, trích yếu, Kính gửi the
Sở, body, Nơi nhận starting "- Như trên;", signer) and state only figures computed from
the data (``figures``): targets against results with rates, every registration with its
completion level, and counts by kind and level.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from docx.shared import Cm, Pt

from plangen.plan import figures
from plangen.plan.model import Plan
from plangen.plan.records import KINDS, LEVELS, Registration, ReportText, Result, YearResults
from plangen.render.docx import blocks, body, oxml, page
from plangen.render.layouts.mau_1_4 import signer_lines
from plangen.spec import nd30, vn

CELL_SIZE_PT = 13


@dataclass(frozen=True)
class ReportInput:
    """What one report is about: its year (None for the final one) and its data."""

    year: int | None
    text: ReportText
    targets_by_year: dict[int, YearResults]
    rows: list[figures.RegistrationRow]


def year_input(year: int, results: YearResults,
               registrations: Sequence[Registration]) -> ReportInput:
    """The report of ``year``: registrations made up to that year, with its results."""
    made = [r for r in registrations if r.year <= year]
    return ReportInput(year, results.report, {year: results},
                       figures.registration_rows(made, results.registrations))


def final_input(text: ReportText, years: dict[int, YearResults],
                registrations: Sequence[Registration]) -> ReportInput:
    """The final report: every registration with its latest result."""
    latest: dict[str, Result] = {}
    for year in sorted(years):
        latest.update({r.id: r for r in years[year].registrations})
    rows = figures.registration_rows(registrations, list(latest.values()))
    return ReportInput(None, text, years, rows)


def build(plan: Plan, report: ReportInput) -> Any:
    """The report as a python-docx Document."""
    document = page.new_document()
    text = report.text
    blocks.header_table(document, blocks.Header(
        parent=plan.issuer.parent, issuer=plan.issuer.name,
        so_ky_hieu=vn.so_ky_hieu(text.number, "BC", plan.issuer.abbreviation),
        place=plan.place, issued_on=text.issued_on))
    name, years = plan.campaign.name, plan.campaign.years
    trich_yeu = (f"Kết quả thực hiện phong trào thi đua “{name}”\nnăm {report.year}"
                 if report.year else f"Tổng kết phong trào thi đua “{name}”\ngiai đoạn {years}")
    blocks.title_block(document, nd30.DOC_KINDS["BC"], trich_yeu)
    blocks.kinh_gui(document, plan.reports.kinh_gui)
    paragraphs = _content(document, plan, report)
    body.end_mark(paragraphs[-1])
    paragraphs[-1].paragraph_format.keep_with_next = True
    noi_nhan = ["Như trên", *plan.reports.noi_nhan] if plan.reports.kinh_gui else list(
        plan.reports.noi_nhan)
    blocks.signature_table(document, noi_nhan, signer_lines(plan.signer))
    one_line = " ".join(trich_yeu.split())
    day = text.issued_on or (date(report.year, 12, 31) if report.year else plan.campaign.end)
    page.set_properties(document, title=f"Báo cáo {one_line}", subject=one_line,
                        author=plan.issuer.name, category="Báo cáo",
                        keywords=vn.ky_hieu("BC", plan.issuer.abbreviation), day=day)
    return document


def _opening(plan: Plan, report: ReportInput) -> str:
    number = vn.hai_so(plan.number) if plan.number else "……"
    day = vn.ngay(plan.issued_on) if plan.issued_on else "ngày …… tháng …… năm ……"
    issuer = " ".join(plan.issuer.name.split())
    what = f"năm {report.year}" if report.year else f"giai đoạn {plan.campaign.years}"
    return (f"Thực hiện Kế hoạch số {number}/{plan.ky_hieu} {day} của {issuer} về phát động "
            f"phong trào thi đua “{plan.campaign.name}” giai đoạn {plan.campaign.years}, "
            f"{issuer} báo cáo kết quả thực hiện {what} như sau:")


def _content(document: Any, plan: Plan, report: ReportInput) -> list[Any]:
    added: list[Any] = body.add_text(document, _opening(plan, report))
    heading = body.heading
    added.append(heading(document, 1, 1, "Kết quả thực hiện"))
    added.append(heading(document, 2, 1, "Công tác triển khai"))
    added += body.add_text(document, report.text.done)
    added.append(heading(document, 2, 2, "Kết quả thực hiện các chỉ tiêu"))
    added += _targets(document, plan, report)
    added.append(heading(document, 2, 3, "Kết quả thực hiện các mô hình, giải pháp, sáng kiến"))
    added += body.add_text(document, _summary_sentence(report.rows))
    _registrations_table(document, report.rows)
    added.append(heading(document, 1, 2, "Đánh giá"))
    added += body.add_text(document, report.text.danh_gia)
    added.append(heading(document, 1, 3, "Kiến nghị, đề xuất"))
    added += body.add_text(document, report.text.kien_nghi)
    return added


def _summary_sentence(rows: Sequence[figures.RegistrationRow]) -> str:
    kinds = figures.kind_totals(rows)
    levels = figures.level_totals(rows)
    by_kind = ", ".join(f"{vn.hai_so(n)} {kind}" for kind, n in kinds.items() if n)
    by_level = ", ".join(f"{vn.hai_so(n)} {level.lower()}" for level, n in levels.items() if n)
    return (f"Tổng số {vn.hai_so(len(rows))} đăng ký ({by_kind or 'không có'}); kết quả: "
            f"{by_level or 'chưa có'}; {vn.hai_so(figures.replicable(rows))} có thể nhân rộng. "
            "Chi tiết như sau:")


def _table(document: Any, header: Sequence[str], rows: Sequence[Sequence[str]],
           widths: Sequence[float], left: frozenset[int] = frozenset({1})) -> Any:
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    table.style = document.styles["Table Grid"]
    oxml.fixed_table(table, [Cm(w) for w in widths], Cm(0))
    for r, values in enumerate([list(header), *map(list, rows)]):
        for c, value in enumerate(values):
            paragraph = table.cell(r, c).paragraphs[0]
            paragraph.style = page.HEADER_TEXT
            paragraph.alignment = page.ALIGN["left" if r and c in left else "center"]
            run = paragraph.add_run(value)
            run.font.size = Pt(CELL_SIZE_PT)
            run.font.bold = r == 0
        oxml.cant_split(table.rows[r])
    oxml.repeat_header(table.rows[0])
    return table


def _value(value: float | None, unit: str) -> str:
    if value is None:
        return "Chưa báo cáo"
    return vn.phan_tram(value) if unit == "%" else f"{vn.so(value)} {unit}"


def _targets(document: Any, plan: Plan, report: ReportInput) -> list[Any]:
    years = sorted(report.targets_by_year)
    if report.year is None:
        header = ["STT", "Chỉ tiêu", "Kế hoạch", *[f"Năm {y}" for y in years]]
        rows_by_key = {y: figures.target_rows(plan.campaign, report.targets_by_year[y])
                       for y in years}
        rows = []
        for i, (key, target) in enumerate(plan.campaign.targets.items(), 1):
            values = [next(r for r in rows_by_key[y] if r.key == key) for y in years]
            rows.append([str(i), target.description, _value(target.value, target.unit),
                         *[_value(v.actual, v.unit) for v in values]])
        widths = [1.3, 6.2, 2.5, *[6.5 / max(len(years), 1)] * len(years)]
    else:
        header = ["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ đạt"]
        target_rows = figures.target_rows(plan.campaign, report.targets_by_year[report.year])
        rows = [[str(i), r.description, _value(r.planned, r.unit), _value(r.actual, r.unit),
                 vn.phan_tram(r.rate) if r.rate is not None else "—"]
                for i, r in enumerate(target_rows, 1)]
        widths = [1.3, 7.2, 2.6, 2.6, 2.8]
    if not rows:
        return body.add_text(document, "Kế hoạch không đặt chỉ tiêu.")
    _table(document, header, rows, widths)
    return []


def _registrations_table(document: Any, rows: Sequence[figures.RegistrationRow]) -> None:
    header = ["STT", "Tên mô hình, giải pháp, sáng kiến", "Loại", "Đơn vị, cá nhân",
              "Mức độ hoàn thành", "Nhân rộng"]
    values = [[str(i), row.registration.name, row.registration.kind.capitalize(),
               str(row.registration.owner),
               row.result.level if row.result else "Chưa báo cáo",
               "Có" if row.result and row.result.replicable else "Không"]
              for i, row in enumerate(rows, 1)]
    if values:
        _table(document, header, values, [1.3, 4.8, 2.2, 3.6, 2.6, 2.0])
    count_rows = []
    table = figures.counts(rows)
    for kind in KINDS:
        counts = [table[kind][level] for level in (*LEVELS, "Chưa báo cáo")]
        count_rows.append([kind.capitalize(), *map(str, counts), str(sum(counts))])
    totals = [sum(table[k][level] for k in KINDS) for level in (*LEVELS, "Chưa báo cáo")]
    count_rows.append(["Tổng cộng", *map(str, totals), str(sum(totals))])
    document.add_paragraph(style=page.HEADER_TEXT).paragraph_format.space_before = Pt(6)
    _table(document, ["Loại", *LEVELS, "Chưa báo cáo", "Tổng"], count_rows,
           [2.6, 2.8, 2.4, 2.9, 2.6, 2.2], left=frozenset({0}))
