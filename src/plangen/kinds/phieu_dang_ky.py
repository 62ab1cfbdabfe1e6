"""Phiếu đăng ký: the blank registration form and one filled form per registration, each
a file of its own, from the Word template.

Why: a staff member registers on paper or signs the printed form; a Sở fills thousands, so
the template is compiled once and each form is a string render and a zip write.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from plangen.kinds import Kind, Made, campaign
from plangen.plan.datafiles import Bundle
from plangen.plan.document import Document
from plangen.plan.records import Registration
from plangen.render.annex import forms
from plangen.render.context import RenderContext
from plangen.render.docx import blocks
from plangen.spec import vn


@dataclass(frozen=True)
class Form:
    """One form: the plan's document it is attached to, its values, its registration."""

    main: Document
    label: str | None  # the label of the plan's registration form: "Phụ lục I"
    context: dict[str, Any]
    registration: Registration | None


def _sources(bundle: Bundle) -> list[Made[Form]]:
    """The blank form, when the plan lists it as a Phụ lục or has registrations, and one
    filled form per registration."""
    plan, the_campaign = bundle.plan, bundle.plan.campaign
    label = campaign.form_label(plan)
    main = campaign.main_document(bundle)
    if the_campaign is None or main is None or (label is None and not bundle.registrations):
        return []
    made = [Made("mau-trong", Form(main, label, campaign.form_context(plan, the_campaign, None),
                                   None))]
    for reg in bundle.registrations:
        key = f"{vn.safe_file_name(reg.id, 20)}-{vn.safe_file_name(reg.name, 50)}"
        made.append(Made(key, Form(main, label, campaign.form_context(plan, the_campaign, reg),
                                   reg)))
    return made


def build(form: Form, context: RenderContext) -> bytes:
    """One registration form as a whole DOCX (blank without a registration)."""
    heading = _heading(form.label, forms.kem_theo(form.main), context.draft)
    # Every form's values have one shape, so the first form's values lint the template.
    template = context.templates.get(campaign.FORM_TEMPLATE, form.context, heading)
    reg = form.registration
    title = f"{campaign.FILLED_TITLE} {reg.id}" if reg else campaign.FORM_TITLE
    props = forms.attachment_properties(form.main, title,
                                        reg.name if reg else campaign.FORM_TITLE, context.draft)
    return template.render(form.context, props)


@cache
def _heading(label: str | None, kem_theo: str, draft: bool) -> str:
    """The heading of every filled form (made once: it costs a whole new page): a form
    that stands alone carries the Quốc hiệu and Tiêu ngữ, as real forms of its kind do."""
    return forms.heading_xml(blocks.AppendixHeading(label, campaign.FILLED_TITLE, kem_theo),
                             draft, national=True)


KIND: Kind[Form] = Kind(name="phieu-dang-ky", file_name="phieu-dang-ky/{key}.docx",
                        sources=_sources, layout=build, manifest=(),
                        needs="needs_phieu_dang_ky", one_template=True)
