"""The registration form and the report form: blank as Phụ lục of the plan, and the
registration form filled once per registration, from the Word templates.

Why: the forms' wording and layout belong to the admin (templates/*.docx, editable in
Word); plangen adds only the Phụ lục heading that NĐ30 asks for (Mẫu 2.1) and the data.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.enum.section import WD_SECTION
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from plangen.errors import UserError
from plangen.messages import Lang, message
from plangen.plan.model import Plan
from plangen.plan.records import Registration
from plangen.render.annex.engine import CompiledTemplate, compile_template
from plangen.render.docx import blocks, oxml, page
from plangen.spec import nd30, vn

DOTS = "…………………………"
FORM_TEMPLATE = "phieu-dang-ky.docx"
REPORT_TEMPLATE = "mau-bao-cao.docx"
FORM_TITLE = "Mẫu phiếu đăng ký mô hình, giải pháp, sáng kiến cải cách hành chính"
FILLED_TITLE = "Phiếu đăng ký mô hình, giải pháp, sáng kiến cải cách hành chính"
REPORT_TITLE = "Mẫu báo cáo kết quả thực hiện mô hình, giải pháp, sáng kiến"
W_BODY = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}body"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def kem_theo(plan: Plan) -> str:
    """``(Kèm theo Kế hoạch số …/KH-THPTNT ngày 21/8/2023 của Trường THPT Nguyễn Trãi)``."""
    number = vn.hai_so(plan.number) if plan.number else "……"
    day = vn.ngay_ngan(plan.issued_on) if plan.issued_on else "……"
    kind = nd30.DOC_KINDS[plan.kind]
    return (f"(Kèm theo {kind} số {number}/{plan.ky_hieu} ngày {day} "
            f"của {' '.join(plan.issuer.name.split())})")


def campaign_context(plan: Plan) -> dict[str, Any]:
    """What every form may say about the campaign and the issuer."""
    campaign = plan.campaign
    return {
        "campaign": {"name": campaign.name, "years": campaign.years,
                     "link_dang_ky": campaign.links.get("dang_ky", DOTS),
                     "link_bao_cao": campaign.links.get("bao_cao", DOTS)},
        "issuer": {"name": " ".join(plan.issuer.name.split())},
    }


REG_FIELDS = ("kind", "name", "field", "owner", "summary", "goal", "thoi_gian", "effect",
              "signer")


def form_context(plan: Plan, reg: Registration | None) -> dict[str, Any]:
    """The registration form's context; without a registration, dotted blanks."""
    context = campaign_context(plan)
    if reg is None:
        context["reg"] = dict.fromkeys(REG_FIELDS, DOTS) | {"signer": ""}
        return context
    signer = reg.owner.people[0].name if reg.owner.people else ""
    context["reg"] = {
        "kind": reg.kind.capitalize(), "name": reg.name, "field": reg.field,
        "owner": str(reg.owner), "summary": reg.summary, "goal": reg.goal,
        "thoi_gian": f"Từ {vn.ngay_ngan(reg.start)} đến {vn.ngay_ngan(reg.end)}",
        "effect": reg.effect, "signer": signer,
    }
    return context


@dataclass
class Templates:
    """The compiled templates of one build."""

    form: CompiledTemplate
    report: CompiledTemplate
    filled_form: CompiledTemplate


def heading_xml(heading: blocks.AppendixHeading) -> str:
    """The XML of a Phụ lục heading, to go first in a template's body."""
    document = page.new_document()
    blocks.appendix_heading(document, heading, page.text_width_cm(document.sections[0]))
    body = document.element.body
    return "".join(etree.tostring(el, encoding=str) for el in body
                   if not el.tag.endswith("}sectPr"))


def compile_all(plan: Plan, templates_dir: Path, lang: Lang) -> Templates:
    """Lint and compile the templates this plan's documents use."""
    sample_form = form_context(plan, None)
    filled = heading_xml(blocks.AppendixHeading("Phụ lục I", FILLED_TITLE, kem_theo(plan)))
    return Templates(
        form=compile_template(templates_dir / FORM_TEMPLATE, sample_form, lang),
        report=compile_template(templates_dir / REPORT_TEMPLATE, campaign_context(plan), lang),
        filled_form=compile_template(templates_dir / FORM_TEMPLATE, sample_form, lang, filled),
    )


def body_elements(template: CompiledTemplate, context: Mapping[str, Any]) -> list[Any]:
    """The body of the filled template as elements, without its section properties."""
    root = etree.fromstring(template.render_xml(context).encode("utf-8"))
    body = root.find(W_BODY)
    return [el for el in body if not el.tag.endswith("}sectPr")]


R_ATTRIBUTES = tuple(f"{{{R_NS}}}{name}" for name in ("embed", "id", "link"))


def append_appendix(document: Any, heading: blocks.AppendixHeading, elements: list[Any],
                    template: CompiledTemplate) -> None:
    """A Phụ lục on a new page: its own section, page numbers from 1, the heading, the body
    (with the pictures and links the template's body refers to)."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    oxml.restart_page_numbers(section)
    page.page_numbers(section)
    blocks.appendix_heading(document, heading, page.text_width_cm(section))
    end = document.element.body.sectPr
    source = None
    for element in elements:
        copied = copy.deepcopy(element)
        for node in copied.iter():
            for attribute in R_ATTRIBUTES:
                if isinstance(node.tag, str) and node.get(attribute):
                    source = source or docx.Document(str(template.path)).part
                    node.set(attribute, _relate(document.part, source, node.get(attribute),
                                                template))
        end.addprevious(copied)


def _relate(target: Any, source: Any, rel_id: str, template: CompiledTemplate) -> str:
    """The plan's relationship id for what ``rel_id`` points to in the template."""
    rel = source.rels.get(rel_id)
    if rel is None:
        raise UserError([message("template_relation", template.lang, template=template.path,
                                 target=rel_id)])
    if rel.is_external:
        return str(target.relate_to(rel.target_ref, rel.reltype, is_external=True))
    if rel.reltype == RT.IMAGE:
        rel_id, _image = target.get_or_add_image(io.BytesIO(rel.target_part.blob))
        return str(rel_id)
    raise UserError([message("template_relation", template.lang, template=template.path,
                             target=rel.target_ref)])


def append_plan_appendices(document: Any, plan: Plan, templates: Templates) -> None:
    """Phụ lục I (the blank registration form) and II (the blank report form)."""
    append_appendix(document, blocks.AppendixHeading("Phụ lục I", FORM_TITLE, kem_theo(plan)),
                    body_elements(templates.form, form_context(plan, None)), templates.form)
    append_appendix(document, blocks.AppendixHeading("Phụ lục II", REPORT_TITLE,
                                                     kem_theo(plan)),
                    body_elements(templates.report, campaign_context(plan)), templates.report)


def properties(plan: Plan, title: str, subject: str) -> dict[str, str]:
    """Core properties of an attached document, from the plan (never from the clock)."""
    day = plan.issued_on or plan.campaign.start
    return {"title": vn.cap(title), "subject": vn.cap(subject),
            "creator": vn.cap(" ".join(plan.issuer.name.split())),
            "keywords": plan.ky_hieu, "category": "Phụ lục", "language": nd30.LANGUAGE,
            "created": f"{day.isoformat()}T00:00:00Z"}


def filled_form(plan: Plan, templates: Templates, reg: Registration | None) -> bytes:
    """One registration form as a whole DOCX (blank when ``reg`` is None)."""
    subject = reg.name if reg else FORM_TITLE
    props = properties(plan, f"{FILLED_TITLE} {reg.id}" if reg else FORM_TITLE, subject)
    return templates.filled_form.render(form_context(plan, reg), props)
