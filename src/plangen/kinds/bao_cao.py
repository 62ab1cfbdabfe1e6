"""Báo cáo kết quả: one report for each campaign year and a final one for the period.

Why: the reports follow Mẫu 1.4 like the plan (header, BÁO CÁO, trích yếu, Kính gửi the
Sở, body, Nơi nhận starting "- Như trên;", signer) and state only figures computed from
the data (``figures``): targets against results with rates, every registration with its
completion level, and counts by kind and level. Each becomes a document model, and the
one mẫu 1.4 builder lays it out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from plangen.kinds import Kind, Made, common, from_entries, ten_loai
from plangen.plan import figures
from plangen.plan.datafiles import Bundle
from plangen.plan.document import (
    Block,
    Column,
    Document,
    Heading,
    NumberAndDate,
    Prose,
    Recipients,
    Table,
)
from plangen.plan.model import Campaign, Plan, VanBanTenLoai
from plangen.plan.records import (
    LEVELS,
    REGISTRATION_KINDS,
    Registration,
    ReportText,
    Result,
    YearResults,
)
from plangen.plan.templating import reference
from plangen.render.layouts import mau_1_4
from plangen.spec import mau, vn

NOT_REPORTED = "Chưa báo cáo"


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


def report_document(plan: Plan, campaign: Campaign, report: ReportInput) -> Document:
    """The report as a document model: its own number, date and signer, the plan's issuer."""
    name, years = campaign.name, campaign.years
    trich_yeu = (f"Kết quả thực hiện phong trào thi đua “{name}”\nnăm {report.year}"
                 if report.year else f"Tổng kết phong trào thi đua “{name}”\ngiai đoạn {years}")
    text = report.text
    settings = plan.reports
    return Document(
        kind="BC", issuer=plan.issuer, ky_hieu=vn.ky_hieu("BC", plan.issuer.abbreviation),
        number=NumberAndDate(number=text.number, place=plan.place, issued_on=text.issued_on,
                             de_trong=frozenset(text.de_trong)),
        trich_yeu=trich_yeu,
        recipients=Recipients(kinh_gui=tuple(settings.kinh_gui),
                              noi_nhan=tuple(settings.noi_nhan)),
        body=tuple(_content(plan, campaign, report)),
        signer=common.signer(plan, settings.signer))


def _opening(plan: Plan, campaign: Campaign, report: ReportInput) -> str:
    issuer = " ".join(plan.issuer.name.split())
    what = f"năm {report.year}" if report.year else f"giai đoạn {campaign.years}"
    main = plan.first("KH")
    if main is None:
        return (f"Thực hiện phong trào thi đua “{campaign.name}” giai đoạn {campaign.years}, "
                f"{issuer} báo cáo kết quả thực hiện {what} như sau:")
    cited = reference(plan, main)
    return (f"Thực hiện Kế hoạch số {cited['so_ky_hieu']} {cited['ngay']} của {issuer} về "
            f"phát động phong trào thi đua “{campaign.name}” giai đoạn {campaign.years}, "
            f"{issuer} báo cáo kết quả thực hiện {what} như sau:")


def _content(plan: Plan, campaign: Campaign, report: ReportInput) -> list[Block]:
    registrations = _registrations_table(report.rows)
    return [
        Prose(text=_opening(plan, campaign, report)),
        Heading(level=1, text="Kết quả thực hiện"),
        Heading(level=2, text="Công tác triển khai"),
        Prose(text=report.text.done),
        Heading(level=2, text="Kết quả thực hiện các chỉ tiêu"),
        _targets(campaign, report),
        Heading(level=2, text="Kết quả thực hiện các mô hình, giải pháp, sáng kiến"),
        Prose(text=_summary_sentence(report.rows)),
        *([registrations] if registrations.rows else []),
        _counts_table(report.rows),
        Heading(level=1, text="Đánh giá"),
        Prose(text=report.text.danh_gia),
        Heading(level=1, text="Kiến nghị, đề xuất"),
        Prose(text=report.text.kien_nghi),
    ]


def _summary_sentence(rows: Sequence[figures.RegistrationRow]) -> str:
    kinds = figures.kind_totals(rows)
    levels = figures.level_totals(rows)
    by_kind = ", ".join(f"{vn.hai_so(n)} {kind}" for kind, n in kinds.items() if n)
    by_level = ", ".join(f"{vn.hai_so(n)} {level.lower()}" for level, n in levels.items() if n)
    return (f"Tổng số {vn.hai_so(len(rows))} đăng ký ({by_kind or 'không có'}); kết quả: "
            f"{by_level or 'chưa có'}; {vn.hai_so(figures.replicable(rows))} có thể nhân rộng. "
            "Chi tiết như sau:")


def _value(value: float | None, unit: str) -> str:
    if value is None:
        return NOT_REPORTED
    return vn.phan_tram(value) if unit == "%" else f"{vn.so(value)} {unit}"


def _columns(titles: Sequence[str], widths: Sequence[float],
             left: frozenset[int] = frozenset({1})) -> tuple[Column, ...]:
    return tuple(Column(title=t, width_cm=w, align="left" if i in left else "center")
                 for i, (t, w) in enumerate(zip(titles, widths, strict=True)))


def _targets(campaign: Campaign, report: ReportInput) -> Block:
    years = sorted(report.targets_by_year)
    if report.year is None:
        titles = ["STT", "Chỉ tiêu", "Kế hoạch", *[f"Năm {y}" for y in years]]
        rows_by_key = {y: figures.target_rows(campaign, report.targets_by_year[y])
                       for y in years}
        rows = []
        for i, (key, target) in enumerate(campaign.targets.items(), 1):
            values = [next(r for r in rows_by_key[y] if r.key == key) for y in years]
            rows.append((str(i), target.description, _value(target.value, target.unit),
                         *[_value(v.actual, v.unit) for v in values]))
        widths = [1.3, 6.2, 2.5, *[6.5 / max(len(years), 1)] * len(years)]
    else:
        titles = ["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ đạt"]
        target_rows = figures.target_rows(campaign, report.targets_by_year[report.year])
        rows = [(str(i), r.description, _value(r.planned, r.unit), _value(r.actual, r.unit),
                 vn.phan_tram(r.rate) if r.rate is not None else "—")
                for i, r in enumerate(target_rows, 1)]
        widths = [1.3, 7.2, 2.6, 2.6, 2.8]
    if not rows:
        return Prose(text="Kế hoạch không đặt chỉ tiêu.")
    return Table(columns=_columns(titles, widths), rows=tuple(rows))


def _registrations_table(rows: Sequence[figures.RegistrationRow]) -> Table:
    titles = ["STT", "Tên mô hình, giải pháp, sáng kiến", "Loại", "Đơn vị, cá nhân",
              "Mức độ hoàn thành", "Nhân rộng"]
    values = tuple((str(i), row.registration.name, row.registration.kind.capitalize(),
                    str(row.registration.owner),
                    row.result.level if row.result else NOT_REPORTED,
                    "Có" if row.result and row.result.replicable else "Không")
                   for i, row in enumerate(rows, 1))
    return Table(columns=_columns(titles, [1.3, 4.8, 2.2, 3.6, 2.6, 2.0]), rows=values)


def _counts_table(rows: Sequence[figures.RegistrationRow]) -> Table:
    table = figures.counts(rows)
    levels = (*LEVELS, NOT_REPORTED)
    count_rows = []
    for kind in REGISTRATION_KINDS:
        counts = [table[kind][level] for level in levels]
        count_rows.append((kind.capitalize(), *map(str, counts), str(sum(counts))))
    totals = [sum(table[k][level] for k in REGISTRATION_KINDS) for level in levels]
    count_rows.append(("Tổng cộng", *map(str, totals), str(sum(totals))))
    return Table(columns=_columns(["Loại", *levels, "Tổng"], [2.6, 2.8, 2.4, 2.9, 2.6, 2.2],
                                  left=frozenset({0})),
                 rows=tuple(count_rows))


def _sources(bundle: Bundle) -> list[Made[Document]]:
    """The Báo cáo the plan writes itself, then the campaign's report of each year of
    results and its final one."""
    made = written(bundle)
    plan, results, campaign = bundle.plan, bundle.results, bundle.plan.campaign
    if campaign is None:
        return made
    for year in sorted(results.years):
        report = year_input(year, results.years[year], bundle.registrations)
        made.append(Made(f"bao-cao-{year}", report_document(plan, campaign, report)))
    if results.final is not None:
        report = final_input(results.final, results.years, bundle.registrations)
        made.append(Made("bao-cao-tong-ket", report_document(plan, campaign, report)))
    return made


written = from_entries("BC", VanBanTenLoai, ten_loai.document)

KIND: Kind[Document] = Kind(
    name="bao-cao", file_name="{key}.docx", sources=_sources, layout=mau_1_4.build,
    ten_loai=mau.TEN_LOAI["BC"], entry=VanBanTenLoai, needs="needs_bao_cao")
