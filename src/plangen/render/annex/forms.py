"""Phụ lục from Word templates: attached to a document on pages of their own, or filled
as whole files of their own.

Why: the forms' wording and layout belong to the admin (templates/*.docx, editable in
Word); plangen adds only the Phụ lục heading that NĐ30 asks for (Mẫu 2.1) and the data.
This module knows documents and templates, not plans: what an annex says comes with it.
"""

from __future__ import annotations

import copy
import functools
import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Pt
from lxml import etree

from plangen.errors import UserError
from plangen.messages import Lang, message
from plangen.plan.document import IssuedDocument, TemplateAnnex
from plangen.render.annex.engine import CompiledTemplate, compile_document
from plangen.render.docx import blocks, body, oxml, page
from plangen.spec import nd30, vn

W_BODY = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}body"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def kem_theo(doc: IssuedDocument) -> str:
    """``(Kèm theo Kế hoạch số …/KH-THPTNT ngày 21 tháng 8 năm 2023 của Trường THPT Nguyễn
    Trãi)``: the long date, as in NĐ30's Mẫu (nd30.md §7)."""
    number = vn.hai_so(doc.number.number) if doc.number.number else "……"
    day = (vn.ngay(doc.number.issued_on) if doc.number.issued_on
           else "ngày …… tháng …… năm ……")
    return (f"(Kèm theo {doc.kind_name} số {number}/{doc.ky_hieu} {day} "
            f"của {doc.issued_by})")


class TemplateStore:
    """The Word templates of one build, each read, linted and compiled once when first
    used."""

    def __init__(self, folder: Path, lang: Lang = "vi") -> None:
        self.folder = folder
        self.lang = lang
        self._documents: dict[str, CompiledTemplate] = {}
        self._compiled: dict[tuple[str, str], CompiledTemplate] = {}

    def get(self, name: str, sample: Mapping[str, Any], heading: str = "") -> CompiledTemplate:
        """Template ``name`` of the folder, linted against ``sample`` (a context of the
        shape it will be filled with); ``heading`` is XML put first in its body. Each file
        is compiled once, whatever headings it is used with."""
        key = (name, heading)
        if key not in self._compiled:
            if name not in self._documents:
                self._documents[name] = compile_document(self.folder / name, self.lang)
            self._compiled[key] = self._documents[name].for_use(sample, heading)
        return self._compiled[key]

    def used(self) -> list[str]:
        """The names of the templates compiled so far."""
        return sorted({name for name, _heading in self._compiled})


def heading_xml(heading: blocks.AppendixHeading, draft: bool = False,
                national: bool = False) -> str:
    """The XML of a Phụ lục heading, to go first in a template's body: after a "DỰ THẢO"
    mark for a draft, and under the Quốc hiệu and Tiêu ngữ for a form that stands alone."""
    document = page.new_document()
    width = page.text_width_cm(document.sections[0])
    if draft:
        blocks.draft_mark(document)
    if national:
        blocks.national_header(document, width).paragraph_format.space_after = Pt(12)
    blocks.appendix_heading(document, heading, width)
    body = document.element.body
    return "".join(etree.tostring(el, encoding=str) for el in body
                   if not el.tag.endswith("}sectPr"))


def annex_label(index: int, count: int) -> str:
    """``Phụ lục I``, ``Phụ lục II``…; a document's only annex is just ``Phụ lục``."""
    return f"Phụ lục {vn.la_ma(index)}" if count > 1 else "Phụ lục"


def append_annexes(document: Any, doc: IssuedDocument, templates: TemplateStore) -> None:
    """Each annex of ``doc`` on new pages after its signer block, numbered in order: a
    filled Word template, or prose and tables laid out as the body is."""
    for i, annex in enumerate(doc.annexes, 1):
        heading = blocks.AppendixHeading(annex_label(i, len(doc.annexes)), annex.title,
                                         kem_theo(doc))
        if isinstance(annex, TemplateAnnex):
            template = templates.get(annex.template, annex.context)
            append_appendix(document, heading, body_elements(template, annex.context),
                            template)
        else:
            new_annex_section(document, heading)
            body.add_blocks(document, annex.blocks, doc.numbering)


def body_elements(template: CompiledTemplate, context: Mapping[str, Any]) -> list[Any]:
    """The body of the filled template as elements, without its section properties."""
    try:
        root = etree.fromstring(template.render_xml(context).encode("utf-8"))
    except etree.XMLSyntaxError as err:  # e.g. a "| safe" tag let a raw "&" through
        raise UserError([message("template_render", template.lang, template=template.path,
                                 detail=f"XML: {err}")]) from None
    body = root.find(W_BODY)
    return [el for el in body if not el.tag.endswith("}sectPr")]


def new_annex_section(document: Any, heading: blocks.AppendixHeading) -> None:
    """A new page in a section of its own, page numbers from 1, and the Phụ lục heading."""
    section = page.new_numbered_section(document)
    blocks.appendix_heading(document, heading, page.text_width_cm(section))


R_ATTRIBUTES = tuple(f"{{{R_NS}}}{name}" for name in ("embed", "id", "link"))


def append_appendix(document: Any, heading: blocks.AppendixHeading, elements: list[Any],
                    template: CompiledTemplate) -> None:
    """A Phụ lục on a new page: its own section, page numbers from 1, the heading, the body
    (with the pictures, links and styles the template's body refers to)."""
    new_annex_section(document, heading)
    end = document.element.body.sectPr
    # The template as python-docx reads it: opened once, and only when it is needed.
    source = functools.cache(lambda: docx.Document(str(template.path)))

    used: set[str] = set()
    for element in elements:
        copied = copy.deepcopy(element)
        for node in copied.iter():
            for attribute in R_ATTRIBUTES:
                if isinstance(node.tag, str) and node.get(attribute):
                    node.set(attribute, _relate(document.part, source().part,
                                                node.get(attribute), template))
        used |= oxml.styles_used(copied)
        end.addprevious(copied)
    oxml.copy_missing_styles(document.styles.element, used, lambda: source().styles.element)


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


def attachment_properties(doc: IssuedDocument, title: str, subject: str,
                          draft: bool = False) -> dict[str, str]:
    """Core properties of a file attached to ``doc``, from it (never from the clock): its
    date (none while the văn thư has yet to date ``doc``) and, for a draft, its status."""
    issued = doc.number.issued_on
    return {"title": vn.cap(title), "subject": vn.cap(subject),
            "creator": vn.cap(" ".join(doc.issuer.name.split())),
            "keywords": doc.ky_hieu, "category": "Phụ lục", "language": nd30.LANGUAGE,
            "created": f"{issued.isoformat()}T00:00:00Z" if issued else "",
            "status": nd30.DRAFT_STATUS if draft else ""}
