"""A new NĐ30 document: A4 page, margins, fonts, named styles, page numbers.

Why: every document kind starts from the same page and the same named styles
("ND30 Body", "ND30 Heading 1", …), so an admin can restyle a kind in Word in one place
and the checker can resolve formatting through a short, predictable style chain.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import cache
from importlib import resources
from typing import Any

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Cm, Length, Mm, Pt, RGBColor

from plangen.render.docx import oxml
from plangen.spec import nd30, vn

ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
         "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}


@dataclass(frozen=True)
class StyleDef:
    """A named paragraph style: its text spec and its paragraph layout."""

    name: str
    spec: nd30.TextSpec
    first_line_cm: float = 0.0
    space_before_pt: float = 0.0
    keep_with_next: bool = False


BODY = "ND30 Body"
CAN_CU = "ND30 Can cu"
HEADING = ("ND30 Heading 1", "ND30 Heading 2", "ND30 Heading 3")
HEADER_TEXT = "ND30 Header"
TITLE = "ND30 Title"
RULE = "ND30 Rule"
SIGNER = "ND30 Signer"
NOI_NHAN = "ND30 Noi nhan"
PAGE_NUMBER = "ND30 Page number"

_INDENT = nd30.FIRST_LINE_INDENT_PREFERRED_CM
_BEFORE = nd30.SPACE_BEFORE_PT
STYLES = (
    StyleDef(BODY, nd30.BODY, _INDENT, _BEFORE),
    StyleDef(CAN_CU, nd30.CAN_CU, _INDENT, _BEFORE),
    StyleDef(HEADING[0], nd30.HEADING_MUC, _INDENT, _BEFORE, keep_with_next=True),
    StyleDef(HEADING[1], nd30.HEADING_KHOAN, _INDENT, _BEFORE, keep_with_next=True),
    StyleDef(HEADING[2], nd30.HEADING_DIEM, _INDENT, _BEFORE, keep_with_next=True),
    StyleDef(HEADER_TEXT, nd30.CO_QUAN_CHU_QUAN),
    StyleDef(TITLE, nd30.TEN_LOAI, keep_with_next=True),
    StyleDef(RULE, nd30.CO_QUAN_CHU_QUAN),
    StyleDef(SIGNER, nd30.CHUC_VU, keep_with_next=True),
    StyleDef(NOI_NHAN, nd30.NOI_NHAN_ITEM),
    StyleDef(PAGE_NUMBER, nd30.PAGE_NUMBER),
)


STYLE_BY_NAME = {style.name: style for style in STYLES}


def style_id(name: str) -> str:
    """The id Word (and python-docx) gives a style named ``name``: its name without spaces."""
    return name.replace(" ", "")


def paragraph(container: Any, style: str, text: str = "") -> Any:
    """A new paragraph at the end of ``container`` in the plangen style named ``style``."""
    added = container.add_paragraph()
    oxml.set_paragraph_style(added, style_id(style))
    if text:
        oxml.add_run(added, text)
    return added


def set_style(paragraph: Any, style: str) -> None:
    """Give an existing paragraph the plangen style named ``style``."""
    oxml.set_paragraph_style(paragraph, style_id(style))


BLANK = "data/nd30-blank.docx"
"""The empty NĐ30 document, as :func:`build_blank` makes it (``tools/make_blank.py``
writes it; ``test_shipped_blank_is_current`` checks it is what the code makes now)."""


def new_document() -> Any:
    """An empty A4 document with NĐ30 margins, defaults, styles and page numbers."""
    return docx.Document(io.BytesIO(_blank()))


@cache
def _blank() -> bytes:
    """The bytes of the empty NĐ30 document, read once per process. Building it from
    python-docx's template (its 350 kB of styles parsed, then eleven styles added) took
    30 ms of every build; it is built once, by the tool that writes this file."""
    return resources.files("plangen").joinpath(BLANK).read_bytes()


def build_blank() -> Any:
    """The empty NĐ30 document, built from python-docx's template: its page, document
    defaults, named styles and page numbers."""
    document = docx.Document()
    _drop_template_leftovers(document)
    _page(document.sections[0])
    _defaults(document)
    for style in STYLES:
        _add_style(document, style)
    page_numbers(document.sections[0])
    _keep_used_styles(document)
    return document


KEPT_STYLES = ("TableGrid", "Header")
"""The styles of python-docx's template that plangen's documents use: its tables' "Table
Grid", and "Header", which python-docx gives the empty header of each section's first page
(with the default styles and what these are based on)."""


def _keep_used_styles(document: Any) -> None:
    """Only plangen's own styles and those of :data:`KEPT_STYLES` stay. The ND30 styles stay
    in every document, used or not: a văn thư editing a file in Word finds the whole set."""
    oxml.drop_unused_styles(document.styles.element,
                            [*KEPT_STYLES, *(style_id(s.name) for s in STYLES)])


def set_properties(document: Any, *, title: str, subject: str, author: str,
                   keywords: str, category: str, day: date | None, draft: bool = False
                   ) -> None:
    """Core properties from the plan, never from the clock (same plan, same file); each
    text cut to the 255 characters a DOCX property holds.

    ``day`` is the document's own date: a document whose date the văn thư will write has
    none yet, and so no creation date (never another document's). A draft says so in its
    status (``DRAFT_STATUS``), which Word shows among the file's properties."""
    props = document.core_properties
    props.title, props.subject = vn.cap(title), vn.cap(subject)
    props.author = props.last_modified_by = vn.cap(" ".join(author.split()))
    props.keywords, props.category = keywords, category
    props.language, props.revision = nd30.LANGUAGE, 1
    if day is not None:
        props.created = props.modified = datetime.combine(day, time(0, 0), tzinfo=UTC)
    if draft:
        props.content_status = nd30.DRAFT_STATUS


def _drop_template_leftovers(document: Any) -> None:
    """python-docx's template is a Japanese Word 2010 file of another document: its preview
    picture, its statistics and application name (docProps/app.xml, replaced by plangen's
    own), its properties ("generated by python-docx", 2013), a bibliography store
    (customXml), a stale Word 2010 copy of its styles (stylesWithEffects.xml, Calibri and
    en-US, which Word may take for damaged content) and list definitions (numbering.xml)
    no plangen document uses would ship in every file. Drop them; make the settings those
    of a current Vietnamese Word file (``oxml.clean_settings``), the theme's fonts Times New
    Roman and the font table Times New Roman alone. Its hundred table styles (310 of the
    350 kB of styles.xml, read and written again for every document) go too: plangen's
    tables use "Table Grid"."""
    package = document.part.package
    oxml.drop_relationships(package.rels, (RT.THUMBNAIL, RT.EXTENDED_PROPERTIES))
    oxml.drop_relationships(document.part.rels, (RT.CUSTOM_XML, oxml.STYLES_WITH_EFFECTS,
                                                 RT.NUMBERING))
    oxml.add_app_properties(package)
    oxml.reset_core_properties(document.core_properties._element)
    oxml.clean_settings(document.settings.element, nd30.LANGUAGE)
    oxml.drop_table_styles(document.styles.element, keep=("TableNormal", "TableGrid"))
    for rel in document.part.rels.values():
        if rel.reltype == RT.THEME:
            oxml.theme_fonts(rel.target_part, nd30.FONT_NAME)
        elif rel.reltype == RT.FONT_TABLE:
            oxml.keep_fonts(rel.target_part, [nd30.FONT_NAME])


def _page(section: Any) -> None:
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Mm(nd30.PAGE_WIDTH_MM)
    section.page_height = Mm(nd30.PAGE_HEIGHT_MM)
    section.top_margin = Mm(nd30.MARGIN_TOP_MM.preferred)
    section.bottom_margin = Mm(nd30.MARGIN_BOTTOM_MM.preferred)
    section.left_margin = Mm(nd30.MARGIN_LEFT_MM.preferred)
    section.right_margin = Mm(nd30.MARGIN_RIGHT_MM.preferred)
    section.header_distance = Mm(nd30.HEADER_DISTANCE_MM)
    section.footer_distance = Mm(nd30.HEADER_DISTANCE_MM)


def text_width_cm(section: Any) -> float:
    """Width between the margins of ``section``, in centimetres."""
    width = section.page_width - section.left_margin - section.right_margin
    return float(Length(width).cm)


def _defaults(document: Any) -> None:
    """Times New Roman in every slot, Vietnamese, black, single spacing, no gaps.

    The python-docx template defaults to theme fonts (Calibri), 11 pt, 10 pt after and
    1.15 lines; each of those would break an NĐ30 rule wherever a style does not say more.
    """
    rpr, ppr = oxml.document_defaults(document.styles.element)
    oxml.set_fonts(rpr, nd30.FONT_NAME)
    oxml.set_language(rpr, nd30.LANGUAGE)
    normal = document.styles["Normal"]
    normal.font.name = nd30.FONT_NAME
    normal.font.size = Pt(nd30.BODY.size_pt.preferred)
    normal.font.color.rgb = RGBColor.from_string(nd30.TEXT_COLOR)
    oxml.set_fonts(normal.element.get_or_add_rPr(), nd30.FONT_NAME)
    fmt = normal.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    oxml.remove_children(ppr, "w:spacing")


def _add_style(document: Any, spec: StyleDef) -> None:
    style = document.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    font = style.font
    font.size = Pt(spec.spec.size_pt.preferred)
    font.bold = spec.spec.bold
    font.italic = spec.spec.italic
    fmt = style.paragraph_format
    fmt.alignment = ALIGN[spec.spec.align]
    fmt.first_line_indent = Cm(spec.first_line_cm)
    fmt.space_before = Pt(spec.space_before_pt)
    fmt.space_after = Pt(0)
    fmt.line_spacing = nd30.LINE_SPACING.preferred
    fmt.keep_with_next = spec.keep_with_next


def page_numbers(section: Any) -> None:
    """PAGE field centred in the header; the section's first page gets an empty header."""
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.style = PAGE_NUMBER
    oxml.page_field(paragraph)
    first = section.first_page_header
    first.is_linked_to_previous = False
    first.paragraphs[0].text = ""


def new_numbered_section(document: Any) -> Any:
    """A section on a new page whose page numbers start again from 1, shown from its
    second page (a Phụ lục, or a document a decision issues)."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    oxml.hide_section_break(document.element.body[-2])  # the paragraph that ends the last
    oxml.restart_page_numbers(section)
    page_numbers(section)
    return section
