"""The only module that writes raw WordprocessingML: what python-docx has no API for.

Why: keeping raw XML in one small place keeps the builders at python-docx's level and
makes every low-level trick (font slots, borders, fields, links) testable on its own.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Length
from docx.text.run import Run
from lxml import etree

FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
_THEME_SLOTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")

# Child order the schema demands (Word refuses a file whose children are out of order).
_ORDER = {
    "w:rPr": ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps",
              "w:smallCaps", "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss",
              "w:imprint", "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden",
              "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs",
              "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText",
              "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
              "w:specVanish", "w:oMath"),
    "w:pPr": ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
              "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd",
              "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
              "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
              "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
              "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
              "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
              "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"),
    "w:trPr": ("w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter",
               "w:cantSplit", "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc",
               "w:hidden"),
    "w:tblPr": ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual",
                "w:tblStyleRowBandSize", "w:tblStyleColBandSize", "w:tblW", "w:jc",
                "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout",
                "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription"),
}


# The same orders as ranks by Clark name, so that placing a child is a lookup per sibling.
_RANK = {qn(parent): {qn(tag): i for i, tag in enumerate(order)}
         for parent, order in _ORDER.items()}
W_VAL = qn("w:val")
_XML_SPACE = qn("xml:space")
_W_T = qn("w:t")
# Texts holding one of these are left to python-docx's run.text, which turns a tab into
# w:tab and a line break (\n, \r) into w:br; the other line separators go there too.
_RUN_SPECIAL = frozenset("\t\n\r\f\v\x85\u2028\u2029")
JUSTIFICATION = {"left": "left", "center": "center", "right": "right", "justify": "both"}
"""``w:jc`` values by the alignment names of ``nd30.TextSpec``."""


def _child(parent: Any, tag: str) -> Any:
    """The ``tag`` child of ``parent``, created in its schema position when missing.

    Why not python-docx's own ``get_or_add_…``: each of those tries every later sibling
    tag in turn (thirty for a paragraph's properties), which made up a fifth of a build."""
    clark = qn(tag)
    found = parent.find(clark)
    if found is not None:
        return found
    found = OxmlElement(tag)
    rank = _RANK.get(parent.tag, {})
    mine = rank.get(clark)
    if mine is not None:
        anchor = next((c for c in parent if rank.get(c.tag, -1) > mine), None)
        if anchor is not None:
            anchor.addprevious(found)
            return found
    parent.append(found)
    return found


def _properties(element: Any, tag: str) -> Any:
    """The ``tag`` properties child of ``element`` (``w:pPr`` of a ``w:p``, ``w:tcPr`` of a
    ``w:tc``), made its first child when missing, as the schema places it."""
    found = element.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        element.insert(0, found)
    return found


def paragraph_properties(paragraph: Any) -> Any:
    """The ``w:pPr`` of a python-docx ``paragraph``."""
    return _properties(paragraph._p, "w:pPr")


def set_paragraph_style(paragraph: Any, style_id: str) -> None:
    """Give ``paragraph`` the style ``style_id`` directly: python-docx's ``style = name``
    searches every style of the document each time, which dominated the build."""
    _child(paragraph_properties(paragraph), "w:pStyle").set(W_VAL, style_id)


def align(paragraph: Any, how: str) -> None:
    """Align ``paragraph`` (``left``, ``center``, ``right`` or ``justify``)."""
    _child(paragraph_properties(paragraph), "w:jc").set(W_VAL, JUSTIFICATION[how])


def add_run(paragraph: Any, text: str, *, size_pt: float | None = None,
            bold: bool | None = None, italic: bool | None = None) -> Run:
    """A run of ``text`` at the end of ``paragraph``, with only the properties given
    (None leaves one to the style), as python-docx writes it: ``add_run`` and three
    ``font`` settings, built in one step."""
    r = OxmlElement("w:r")
    if bold is not None or italic is not None or size_pt is not None:
        rpr = OxmlElement("w:rPr")
        r.append(rpr)
        for tag, on in (("w:b", bold), ("w:i", italic)):
            if on is not None:
                toggle = OxmlElement(tag)
                if not on:
                    toggle.set(W_VAL, "0")
                rpr.append(toggle)
        if size_pt is not None:
            size = OxmlElement("w:sz")
            size.set(W_VAL, str(round(size_pt * 2)))
            rpr.append(size)
    paragraph._p.append(r)
    set_run_text(r, text)
    return Run(r, paragraph)


def set_run_text(r: Any, text: str) -> None:
    """Put ``text`` in the empty run ``r`` as python-docx's ``run.text`` would, which walks
    the text character by character (for tabs and breaks) and searches the run with
    XPath: most texts have neither tab nor break and become one ``w:t`` at once."""
    if not _RUN_SPECIAL.isdisjoint(text):
        r.text = text  # python-docx writes the tabs and breaks
    elif text:
        t = etree.SubElement(r, _W_T)
        t.text = text
        if text != text.strip():
            t.set(_XML_SPACE, "preserve")


def set_fonts(rpr: Any, name: str) -> None:
    """Put ``name`` in all four font slots of ``w:rPr`` and drop theme fonts.

    python-docx's ``font.name`` sets only ascii and hAnsi; NĐ30 text must be Times New
    Roman whatever script Word thinks a character is, and a theme font would win over it.
    """
    fonts = _child(rpr, "w:rFonts")
    for slot in _THEME_SLOTS:
        fonts.attrib.pop(qn(slot), None)
    for slot in FONT_SLOTS:
        fonts.set(qn(slot), name)


def set_language(rpr: Any, lang: str) -> None:
    """Mark text as ``lang`` (vi-VN) for spelling and hyphenation, in every script slot."""
    el = _child(rpr, "w:lang")
    for slot in ("w:val", "w:eastAsia", "w:bidi"):
        el.set(qn(slot), lang)


def document_defaults(styles_element: Any) -> tuple[Any, Any]:
    """The ``w:rPr`` and ``w:pPr`` of ``w:docDefaults``, created when missing."""
    defaults = styles_element.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles_element.insert(0, defaults)
    rpr = _child(_child(defaults, "w:rPrDefault"), "w:rPr")
    ppr = _child(_child(defaults, "w:pPrDefault"), "w:pPr")
    return rpr, ppr


def move_after(element: Any, anchor: Any) -> None:
    """Put ``element`` (a run, a paragraph) right after ``anchor``, moving it."""
    anchor.addnext(element)


def remove_children(parent: Any, tag: str) -> None:
    """Drop every ``tag`` child of ``parent`` (e.g. the template's default spacing)."""
    for child in parent.findall(qn(tag)):
        parent.remove(child)


def no_table_borders(table: Any) -> None:
    """Hide every border of a layout table (NĐ30 header and signature tables)."""
    tbl_pr = table._tbl.tblPr
    style = tbl_pr.find(qn("w:tblStyle"))
    if style is not None:
        tbl_pr.remove(style)
    borders = _child(tbl_pr, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _child(borders, f"w:{side}").set(qn("w:val"), "nil")


def fixed_table(table: Any, widths: list[Length], indent: Length) -> None:
    """Fixed layout with widths on the grid *and* every cell (Word ignores the grid alone)."""
    tbl_pr = table._tbl.tblPr
    table.autofit = False
    tbl_w = _child(tbl_pr, "w:tblW")
    tbl_w.set(qn("w:w"), str(sum(w.twips for w in widths)))
    tbl_w.set(qn("w:type"), "dxa")
    ind = _child(tbl_pr, "w:tblInd")
    ind.set(qn("w:w"), str(indent.twips))
    ind.set(qn("w:type"), "dxa")
    twips = [str(width.twips) for width in widths]
    grid = table._tbl.find(qn("w:tblGrid"))
    for column, width in zip(grid.iterchildren(qn("w:gridCol")), twips, strict=True):
        column.set(qn("w:w"), width)
    # Cell by cell on the XML: python-docx's ``column.cells`` rebuilds the table's grid.
    for row in table._tbl.iterchildren(qn("w:tr")):
        for cell, width in zip(row.iterchildren(qn("w:tc")), twips, strict=True):
            cell_width = _child(_properties(cell, "w:tcPr"), "w:tcW")
            cell_width.set(qn("w:type"), "dxa")
            cell_width.set(qn("w:w"), width)


def bottom_border(paragraph: Any, eighths_pt: int) -> None:
    """A solid black line under ``paragraph``: how plangen draws NĐ30's short rules.

    The line spans the paragraph's width between its indents, so its length is exact and
    the same in Word and LibreOffice.
    """
    ppr = paragraph._p.get_or_add_pPr()
    bottom = _child(_child(ppr, "w:pBdr"), "w:bottom")
    for attr, value in (("w:val", "single"), ("w:sz", str(eighths_pt)), ("w:space", "1"),
                        ("w:color", "000000")):
        bottom.set(qn(attr), value)


def box(paragraph: Any, eighths_pt: int) -> None:
    """A solid black frame around ``paragraph`` (the draft mark)."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = _child(ppr, "w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        edge = _child(borders, f"w:{side}")
        for attr, value in (("w:val", "single"), ("w:sz", str(eighths_pt)), ("w:space", "1"),
                            ("w:color", "000000")):
            edge.set(qn(attr), value)


def page_field(paragraph: Any) -> Any:
    """Append a PAGE field run (begin, instruction, separator, result, end)."""
    run = paragraph.add_run()
    for kind in ("begin", None, "separate", "2", "end"):
        if kind in ("begin", "separate", "end"):
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif kind is None:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = " PAGE "
        else:
            el = OxmlElement("w:t")
            el.text = kind
        run._r.append(el)
    return run


def hyperlink(paragraph: Any, url: str) -> Any:
    """Append an external ``w:hyperlink`` to ``paragraph`` and return it, empty.

    Runs are then moved into it by the caller, so they keep the same formatting code as
    every other run.
    """
    rel_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    link.set(qn("w:history"), "1")
    paragraph._p.append(link)
    return link


def cant_split(row: Any) -> None:
    """Keep a table row on one page."""
    tr_pr = row._tr.get_or_add_trPr()
    _child(tr_pr, "w:cantSplit")


def cell_margins(table: Any, left: Length, right: Length) -> None:
    """Left and right padding of every cell of ``table``."""
    tbl_pr = table._tbl.tblPr
    mar = _child(tbl_pr, "w:tblCellMar")
    for side, value in (("w:left", left), ("w:right", right)):
        el = _child(mar, side)
        el.set(qn("w:w"), str(value.twips))
        el.set(qn("w:type"), "dxa")


BREAK_MARK_HALF_POINTS = 2  # a 1 pt paragraph mark, should hidden text ever be shown


def hide_section_break(paragraph_element: Any) -> None:
    """Make the empty paragraph that carries a section break take no room on the page:
    its mark hidden and 1 pt high, with no space around it.

    Why: a section that ends with a table (the signature table, before a Phụ lục) needs
    such a paragraph after the table; when the table ends at the foot of a page, a
    visible paragraph would be pushed to a page of its own, blank but for its number."""
    ppr = _properties(paragraph_element, "w:pPr")
    spacing = _child(ppr, "w:spacing")
    for name, value in (("w:before", "0"), ("w:after", "0"), ("w:line", "20"),
                        ("w:lineRule", "exact")):
        spacing.set(qn(name), value)
    rpr = _child(ppr, "w:rPr")
    _child(rpr, "w:vanish")
    for tag in ("w:sz", "w:szCs"):
        _child(rpr, tag).set(W_VAL, str(BREAK_MARK_HALF_POINTS))


def restart_page_numbers(section: Any) -> None:
    """Number the pages of ``section`` from 1 (each Phụ lục is numbered on its own)."""
    sect_pr = section._sectPr
    number_type = sect_pr.find(qn("w:pgNumType"))
    if number_type is None:
        number_type = OxmlElement("w:pgNumType")
        anchor = next((c for c in sect_pr if c.tag in {qn("w:cols"), qn("w:titlePg"),
                                                       qn("w:docGrid")}), None)
        if anchor is None:
            sect_pr.append(number_type)
        else:
            anchor.addprevious(number_type)
    number_type.set(qn("w:start"), "1")


def repeat_header(row: Any) -> None:
    """Repeat a table's first row at the top of every page it runs onto."""
    _child(row._tr.get_or_add_trPr(), "w:tblHeader")


STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def drop_relationships(rels: Any, reltypes: tuple[str, ...]) -> None:
    """Remove the relationships of ``reltypes`` (and so the parts only they reach)."""
    for rel_id, rel in list(rels.items()):
        if rel.reltype in reltypes:
            del rels[rel_id]


def clean_settings(settings: Any, lang: str) -> None:
    """The settings of a current Word file written in ``lang`` (vi-VN), with nothing of
    the Japanese Word 2010 file python-docx's template was saved from.

    ``w:zoom`` gets the ``w:percent`` the schema requires; no request for a preview picture,
    which plangen's files do not carry; compatibility mode 15 (Word 2013 and later: Word
    shows no "[Compatibility Mode]"); no ``w:proofState``, which tells Word the text was
    already proofread; the theme's languages ``lang`` (not en-US and ja-JP); and no
    ``w:useFELayout``, the East-Asian layout switch."""
    zoom = settings.find(qn("w:zoom"))
    if zoom is not None:
        zoom.set(qn("w:percent"), "100")
    for tag in ("w:savePreviewPicture", "w:proofState"):
        remove_children(settings, tag)
    compat = settings.find(qn("w:compat"))
    if compat is not None:
        remove_children(compat, "w:useFELayout")
        for setting in compat.iterfind(qn("w:compatSetting")):
            if setting.get(qn("w:name")) == "compatibilityMode":
                setting.set(W_VAL, COMPATIBILITY_MODE)
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.attrib.clear()
        theme_lang.set(W_VAL, lang)
        theme_lang.set(qn("w:eastAsia"), lang)


COMPATIBILITY_MODE = "15"
"""Word 2013's layout, what every Word since writes for a new document."""
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _rewrite(part: Any, change: Callable[[Any], None]) -> None:
    """Apply ``change`` to the XML of ``part``, a part python-docx keeps as bytes only (the
    theme, the font table)."""
    root = etree.fromstring(part.blob)
    change(root)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                standalone=True)


def theme_fonts(theme_part: Any, name: str) -> None:
    """The theme's heading and body fonts ``name`` (Times New Roman, not Calibri and
    Cambria), with no font per script: python-docx's theme names MS Gothic for Japanese,
    Malgun Gothic for Korean and twenty-six more that a Vietnamese document never uses."""
    def change(theme: Any) -> None:
        for collection in theme.iter(f"{_A}majorFont", f"{_A}minorFont"):
            for font in collection.findall(f"{_A}font"):
                collection.remove(font)
            latin = collection.find(f"{_A}latin")
            if latin is not None:
                latin.attrib.clear()
                latin.set("typeface", name)
    _rewrite(theme_part, change)


def keep_fonts(font_table_part: Any, names: Iterable[str]) -> None:
    """Only the fonts ``names`` in the font table (``word/fontTable.xml``): python-docx's
    lists MS Mincho, MS Gothic, Cambria, Calibri, Courier, Arial and Symbol, which no
    plangen document uses."""
    kept = set(names)

    def change(fonts: Any) -> None:
        for font in fonts.findall(qn("w:font")):
            if font.get(qn("w:name")) not in kept:
                fonts.remove(font)
    _rewrite(font_table_part, change)


def drop_unused_styles(styles: Any, keep: Iterable[str]) -> None:
    """Remove every style of ``styles`` (a ``w:styles`` element) that is neither a default
    style, nor in ``keep``, nor reached from those by ``w:basedOn``, ``w:next`` or
    ``w:link``: python-docx's template brings seventy styles (Heading 1–9, Title, Quote,
    List Bullet…) that plangen's documents never use."""
    by_id = {style.get(_STYLE_ID): style for style in styles.iterfind(qn("w:style"))}
    wanted = [sid for sid, style in by_id.items() if style.get(qn("w:default")) == "1"]
    wanted += list(keep)
    reached: set[str] = set()
    while wanted:
        sid = wanted.pop()
        if sid in reached or sid not in by_id:
            continue
        reached.add(sid)
        wanted += [str(link.get(W_VAL)) for link in by_id[sid] if link.tag in _STYLE_LINKS]
    for sid, style in by_id.items():
        if sid not in reached:
            styles.remove(style)


def reset_core_properties(core: Any) -> None:
    """Empty core properties (``docProps/core.xml``): python-docx's template says it was
    "generated by python-docx" on 23 December 2013; each document sets its own."""
    for child in list(core):
        core.remove(child)


APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
    'docPropsVTypes"><Template></Template><TotalTime>0</TotalTime>'
    "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
    "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
    "<Application>plangen</Application><DocSecurity>0</DocSecurity></Properties>")
"""The extended properties (``docProps/app.xml``) of every plangen document: the program
that wrote it, and nothing a program other than Word could not know (Word counts pages
and words when it saves)."""


def add_app_properties(package: Any) -> None:
    """Give ``package`` its ``docProps/app.xml`` (Word writes one in every file)."""
    part = Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES,
                APP_XML.encode("utf-8"), package)
    package.relate_to(part, RT.EXTENDED_PROPERTIES)


def drop_table_styles(styles: Any, keep: tuple[str, ...]) -> None:
    """Remove the table styles of ``styles`` (a ``w:styles`` element) whose ids are not in
    ``keep``. Word knows its built-in table styles without a copy in the file, and adds
    one when a user picks it."""
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) == "table" and style.get(qn("w:styleId")) not in keep:
            styles.remove(style)


_STYLE_ID = qn("w:styleId")
_STYLE_REFERENCES = frozenset(qn(tag) for tag in ("w:pStyle", "w:rStyle", "w:tblStyle",
                                                 "w:numStyle"))
_STYLE_LINKS = tuple(qn(tag) for tag in ("w:basedOn", "w:next", "w:link"))


def styles_used(element: Any) -> set[str]:
    """The ids of the styles ``element`` and its descendants refer to."""
    return {str(node.get(W_VAL)) for node in element.iter(*_STYLE_REFERENCES)}


def copy_missing_styles(target: Any, wanted: Iterable[str], source: Callable[[], Any]) -> None:
    """Give ``target`` (a ``w:styles`` element) the styles ``wanted`` it does not define,
    copied with the styles they are based on from ``source()``, another ``w:styles``
    read only when a style is missing: content moved from a Word template keeps the look
    its styles give it."""
    have = {style.get(_STYLE_ID) for style in target.iterfind(qn("w:style"))}
    missing = [sid for sid in wanted if sid not in have]
    if not missing:
        return
    theirs = {style.get(_STYLE_ID): style for style in source().iterfind(qn("w:style"))}
    while missing:
        sid = missing.pop()
        if sid in have or sid not in theirs:
            continue
        have.add(sid)
        target.append(copy.deepcopy(theirs[sid]))
        missing += [str(link.get(W_VAL)) for link in theirs[sid] if link.tag in _STYLE_LINKS]


def append_rows(prototype: Any, rows: Iterable[Sequence[str]]) -> None:
    """Rows of text in place of ``prototype`` (a python-docx row whose cells each hold one
    run): each a copy of it with the runs' texts replaced.

    Why: python-docx finds a cell by rebuilding the whole grid, so filling a table cell by
    cell takes time growing with the square of its rows; copying one prepared row keeps a
    table of 10,000 rows linear, with every format of the prototype kept.
    """
    proto = prototype._tr
    run_path = f"{qn('w:p')}/{qn('w:r')}"
    anchor = proto
    for values in rows:
        tr = copy.deepcopy(proto)
        for tc, value in zip(tr.iterchildren(qn("w:tc")), values, strict=True):
            set_run_text(tc.find(run_path), value)
        anchor.addnext(tr)
        anchor = tr
    proto.getparent().remove(proto)


_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# The two separator notes Word puts first in every footnotes part (ids -1 and 0).
_FOOTNOTES_XML = (
    f'<w:footnotes xmlns:w="{_W_NS}">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
    '</w:footnote></w:footnotes>')


def _footnotes(document_part: Any) -> Any:
    """The document's ``word/footnotes.xml`` element, made with its separators if new."""
    for rel in document_part.rels.values():
        if rel.reltype == RT.FOOTNOTES:
            return rel.target_part.element
    part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES,
                   parse_xml(_FOOTNOTES_XML), document_part.package)
    document_part.relate_to(part, RT.FOOTNOTES)
    return part.element


def _superscript_run(child_tag: str, note_id: int | None = None,
                     size_pt: float | None = None) -> Any:
    run = OxmlElement("w:r")
    rpr = _child(run, "w:rPr")
    if size_pt is not None:
        _child(rpr, "w:sz").set(qn("w:val"), str(round(size_pt * 2)))
    _child(rpr, "w:vertAlign").set(qn("w:val"), "superscript")
    mark = OxmlElement(child_tag)
    if note_id is not None:
        mark.set(qn("w:id"), str(note_id))
    run.append(mark)
    return run


def footnote(paragraph: Any, text: str, size_pt: float) -> None:
    """A real footnote: its number, superscript, at the end of ``paragraph`` and ``text`` at
    the foot of the page, numbered by Word in order of appearance."""
    notes = _footnotes(paragraph.part)
    note_id = 1 + max(int(n.get(qn("w:id"))) for n in notes.iterchildren(qn("w:footnote")))
    paragraph._p.append(_superscript_run("w:footnoteReference", note_id))
    note = OxmlElement("w:footnote")
    note.set(qn("w:id"), str(note_id))
    body = OxmlElement("w:p")
    ppr = _child(body, "w:pPr")
    spacing = _child(ppr, "w:spacing")
    spacing.set(qn("w:after"), "0")
    _child(ppr, "w:ind").set(qn("w:firstLine"), "0")
    _child(ppr, "w:jc").set(qn("w:val"), "both")
    body.append(_superscript_run("w:footnoteRef", size_pt=size_pt))
    words = OxmlElement("w:r")
    _child(_child(words, "w:rPr"), "w:sz").set(qn("w:val"), str(round(size_pt * 2)))
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = f" {text}"
    words.append(t)
    body.append(words)
    note.append(body)
    notes.append(note)
