"""What the campaign's Word forms are filled with: the campaign, the issuer and, in a
registration form, one registration.

Why: the same names reach the blank forms attached to the plan and the filled forms of
each registration, so ``plangen templates`` lints both against one shape.
"""

from __future__ import annotations

from typing import Any

from plangen.kinds import ten_loai
from plangen.plan.datafiles import Bundle
from plangen.plan.document import Document
from plangen.plan.model import Campaign, Plan, VanBanTenLoai
from plangen.plan.records import Registration
from plangen.render.annex.forms import annex_label
from plangen.spec import vn

FORM_TEMPLATE = "phieu-dang-ky.docx"
FORM_TITLE = "Mẫu phiếu đăng ký mô hình, giải pháp, sáng kiến cải cách hành chính"
FILLED_TITLE = "Phiếu đăng ký mô hình, giải pháp, sáng kiến cải cách hành chính"
DOTS = "…………………………"
DOTTED_DATE = vn.DOTTED_NGAY
REG_FIELDS = ("kind", "name", "field", "owner", "summary", "goal", "thoi_gian", "effect",
              "signer", "dia_danh_ngay")


def campaign_context(plan: Plan, campaign: Campaign) -> dict[str, Any]:
    """What every form may say about the campaign (``plan.campaign``) and the issuer."""
    return {
        "campaign": {"name": campaign.name, "years": campaign.years,
                     "link_dang_ky": campaign.links.get("dang_ky", DOTS),
                     "link_bao_cao": campaign.links.get("bao_cao", DOTS)},
        "issuer": {"name": " ".join(plan.issuer.name.split())},
    }


def template_context(plan: Plan) -> dict[str, Any]:
    """What a Phụ lục from a Word template is filled with: the issuer and, in a campaign's
    plan, the campaign and the registration form's dotted blanks."""
    if plan.campaign is None:
        return {"issuer": {"name": " ".join(plan.issuer.name.split())}}
    return form_context(plan, plan.campaign, None)


def main_entry(plan: Plan) -> VanBanTenLoai | None:
    """The campaign's Kế hoạch: the plan's first, which the forms are attached to."""
    main = plan.first("KH")
    return main if isinstance(main, VanBanTenLoai) else None


def main_document(bundle: Bundle) -> Document | None:
    """The campaign's Kế hoạch as its layout builder reads it, if the plan has one."""
    main = main_entry(bundle.plan)
    return ten_loai.document(bundle, main) if main is not None else None


def form_label(plan: Plan) -> str | None:
    """``Phụ lục I``: the label the plan gives its registration form, which every filled
    form repeats; None when the plan does not list the form."""
    main = main_entry(plan)
    templates = [annex.template for annex in (main.phu_luc if main is not None else [])]
    if FORM_TEMPLATE not in templates:
        return None
    return annex_label(templates.index(FORM_TEMPLATE) + 1, len(templates))


def form_context(plan: Plan, campaign: Campaign, reg: Registration | None) -> dict[str, Any]:
    """The registration form's context; without a registration, dotted blanks."""
    context = campaign_context(plan, campaign)
    if reg is None:
        context["reg"] = dict.fromkeys(REG_FIELDS, DOTS) | {
            "signer": "", "dia_danh_ngay": f"……, {DOTTED_DATE}"}
        return context
    signer = reg.owner.people[0].name if reg.owner.people else ""
    context["reg"] = {
        "kind": reg.kind.capitalize(), "name": reg.name, "field": reg.field,
        "owner": str(reg.owner), "summary": reg.summary, "goal": reg.goal,
        "thoi_gian": f"Từ {vn.ngay_ngan(reg.start)} đến {vn.ngay_ngan(reg.end)}",
        "effect": reg.effect, "signer": signer,
        "dia_danh_ngay": f"{plan.place}, "
                         + (vn.ngay(reg.registered_on) if reg.registered_on else DOTTED_DATE),
    }
    return context
