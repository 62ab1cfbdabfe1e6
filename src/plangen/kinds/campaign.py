"""What the campaign's Word forms are filled with: the campaign, the issuer and, in a
registration form, one registration.

Why: the same names reach the blank forms attached to the plan and the filled forms of
each registration, so ``plangen templates`` lints both against one shape.
"""

from __future__ import annotations

from typing import Any

from plangen.plan.model import Campaign, Plan
from plangen.plan.records import Registration
from plangen.spec import vn

FORM_TEMPLATE = "phieu-dang-ky.docx"
REPORT_TEMPLATE = "mau-bao-cao.docx"
FORM_TITLE = "Mẫu phiếu đăng ký mô hình, giải pháp, sáng kiến cải cách hành chính"
FILLED_TITLE = "Phiếu đăng ký mô hình, giải pháp, sáng kiến cải cách hành chính"
REPORT_TITLE = "Mẫu báo cáo kết quả thực hiện mô hình, giải pháp, sáng kiến"
DOTS = "…………………………"
DOTTED_DATE = "ngày …… tháng …… năm ……"
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
