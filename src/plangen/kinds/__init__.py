"""Render a plan and its data into documents, each kind by its own builder module.

Why: the one place that knows which documents a plan gives, what their files are called
and what each may leave blank; writing them is ``build``'s job.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plangen.kinds import bao_cao
from plangen.messages import Lang
from plangen.plan.datafiles import Bundle
from plangen.plan.model import Plan
from plangen.plan.records import ReportText
from plangen.render.annex import forms
from plangen.render.layouts import danh_sach, mau_1_4
from plangen.spec import nd30, vn

KINDS = ("ke-hoach", "phieu-dang-ky", "danh-sach", "bao-cao")


@dataclass(frozen=True)
class Rendered:
    """A document ready to save: its path in the output folder, its kind, and either a
    python-docx document or finished bytes; what it leaves blank and may leave blank."""

    file_name: str
    kind: str
    document: Any = None
    data: bytes | None = None
    blanks: frozenset[str] = frozenset()
    allowed_blanks: frozenset[str] = frozenset()
    signed: bool = False  # carries the signer block, so the signer's name is required
    meta: dict[str, Any] = field(default_factory=dict)


def _blanks(number: object, issued_on: object) -> frozenset[str]:
    return frozenset(name for name, value in (("number", number), ("issued_on", issued_on))
                     if value is None)


def render_documents(bundle: Bundle, templates_dir: Path, *, draft: bool = False,
                     only: Iterable[str] = KINDS, lang: Lang = "vi") -> list[Rendered]:
    """Every document of the plan and its data, in memory."""
    plan, wanted = bundle.plan, set(only)
    templates = forms.compile_all(plan, templates_dir, lang)
    out: list[Rendered] = []
    if "ke-hoach" in wanted:
        document = mau_1_4.build(plan, draft=draft)
        forms.append_plan_appendices(document, plan, templates)
        out.append(Rendered("ke-hoach.docx", "ke-hoach", document,
                            blanks=_blanks(plan.number, plan.issued_on),
                            allowed_blanks=frozenset(plan.de_trong), signed=True,
                            meta=plan_meta(plan)))
    if "phieu-dang-ky" in wanted:
        out += _forms(plan, bundle, templates)
    if "danh-sach" in wanted and bundle.registrations:
        out.append(Rendered("danh-sach-dang-ky.docx", "danh-sach",
                            danh_sach.build(plan, bundle.registrations)))
    if "bao-cao" in wanted:
        out += _reports(bundle)
    return out


def _forms(plan: Plan, bundle: Bundle, templates: forms.Templates) -> list[Rendered]:
    made = [Rendered("phieu-dang-ky/mau-trong.docx", "phieu-dang-ky",
                      data=forms.filled_form(plan, templates, None))]
    for reg in bundle.registrations:
        name = f"{vn.safe_file_name(reg.id, 20)}-{vn.safe_file_name(reg.name, 50)}"
        made.append(Rendered(f"phieu-dang-ky/{name}.docx", "phieu-dang-ky",
                              data=forms.filled_form(plan, templates, reg)))
    return made


def _reports(bundle: Bundle) -> list[Rendered]:
    plan, results = bundle.plan, bundle.results
    reports = []
    for year in sorted(results.years):
        year_results = results.years[year]
        text = year_results.report
        report = bao_cao.year_input(year, year_results, bundle.registrations)
        reports.append(Rendered(f"bao-cao-{year}.docx", "bao-cao",
                                bao_cao.build(plan, report),
                                blanks=_blanks(text.number, text.issued_on),
                                allowed_blanks=frozenset(text.de_trong), signed=True,
                                meta=report_meta(plan, text)))
    if results.final is not None:
        report = bao_cao.final_input(results.final, results.years, bundle.registrations)
        reports.append(Rendered("bao-cao-tong-ket.docx", "bao-cao",
                                bao_cao.build(plan, report),
                                blanks=_blanks(results.final.number, results.final.issued_on),
                                allowed_blanks=frozenset(results.final.de_trong), signed=True,
                                meta=report_meta(plan, results.final)))
    return reports


def report_meta(plan: Plan, text: ReportText) -> dict[str, Any]:
    """What the manifest says of a report for an e-office upload."""
    number = vn.so_ky_hieu(text.number, "BC", plan.issuer.abbreviation)
    signer = mau_1_4.signer_lines(plan.signer)
    return {"loai_van_ban": nd30.DOC_KINDS["BC"],
            "so_ky_hieu": number.removeprefix("Số: ").replace(vn.BLANK_NUMBER, ""),
            "ngay": text.issued_on.isoformat() if text.issued_on else None,
            "nguoi_ky": signer.name or None, "chuc_vu": " / ".join(signer.titles),
            "kinh_gui": list(plan.reports.kinh_gui)}


def plan_meta(plan: Plan) -> dict[str, Any]:
    """What the manifest says of the plan document for an e-office upload."""
    signer = mau_1_4.signer_lines(plan.signer)
    number = vn.so_ky_hieu(plan.number, plan.kind, plan.issuer.abbreviation)
    return {
        "loai_van_ban": nd30.DOC_KINDS[plan.kind],
        "so_ky_hieu": number.removeprefix("Số: ").replace(vn.BLANK_NUMBER, ""),
        "trich_yeu": " ".join(plan.trich_yeu.split()),
        "ngay": plan.issued_on.isoformat() if plan.issued_on else None,
        "nguoi_ky": signer.name or None,
        "chuc_vu": " / ".join(signer.titles),
        "noi_nhan": list(plan.noi_nhan),
    }
