"""Read any DOCX into plain facts: paragraphs with their *effective* formatting, tables,
sections, headers. With ``docx_styles`` the only modules of the checker that parse
WordprocessingML.

Why: a rule such as "body text is 13–14 pt" must be judged on what Word shows, which is
the run's own setting, else its character style, else its paragraph style and that
style's ancestors, else the document defaults, with theme fonts resolved through the
theme. python-docx answers ``None`` ("inherited") for most of these, so this module
resolves the chain itself. It imports nothing from plangen's model or renderers, so it
reads files typed by hand in Word as well as plangen's own.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from plangen.check.read.facts import Document, Paragraph, Section, Table
from plangen.check.read.numbering import Numbering
from plangen.check.read.styles import NS, Resolver, Styles, number, on, w_tag

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
TWIPS_PER_CM = 566.929
MAX_PART_BYTES = 50_000_000  # a document.xml larger than this is refused, not parsed


class DocxUnreadable(Exception):
    """The file is not a DOCX this module can read; the message says why."""


def _twips_cm(value: str | None) -> float:
    return round((number(value) or 0) / TWIPS_PER_CM, 3)


_W_R, _W_P = w_tag("r"), w_tag("p")
_W_DEL, _W_HYPERLINK = w_tag("del"), w_tag("hyperlink")


def _own_runs(p: Any) -> list[tuple[Any, bool]]:
    """Runs of paragraph ``p`` (not of text boxes inside it), with "inside a hyperlink"."""
    out = []
    for r in p.iter(_W_R):
        owner = next(r.iterancestors(_W_P), None)
        if owner is not p:
            continue
        ancestors = {a.tag for a in r.iterancestors()}
        if _W_DEL in ancestors:
            continue
        out.append((r, _W_HYPERLINK in ancestors))
    return out


def _page_field(p: Any) -> str | None:
    """The instruction of a PAGE field in ``p`` (e.g. ``PAGE \\* ROMAN``), or None."""
    instructions = [f.get(w_tag("instr")) or "" for f in p.iter(w_tag("fldSimple"))]
    instructions.append("".join(t.text or "" for t in p.iter(w_tag("instrText"))))
    return next((i.strip() for i in instructions if "PAGE" in i.split()), None)


WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
VML = "urn:schemas-microsoft-com:vml"
_VML_SHAPES = tuple(f"{{{VML}}}{name}" for name in ("line", "shape", "rect"))
EMU_PER_CM = 360_000


def _line_shapes(p: Any) -> tuple[list[float], bool]:
    """Widths of drawn horizontal lines in ``p`` (DrawingML), and whether VML shapes hide
    lengths this reader does not measure."""
    widths = []
    for extent in p.iter(f"{{{WP}}}extent"):
        cx, cy = number(extent.get("cx")) or 0, number(extent.get("cy")) or 0
        if cy < 0.1 * EMU_PER_CM and cx > 0:
            widths.append(round(cx / EMU_PER_CM, 3))
    vml = next(p.iter(*_VML_SHAPES), None) is not None
    return widths, vml


def read_paragraph(p: Any, resolver: Resolver, where: str,
                   numbering: Numbering | None = None) -> Paragraph:
    """The facts of one ``w:p`` element (with the label Word's ``numbering`` shows)."""
    ppr = p.find(w_tag("pPr"))
    pstyle_el = ppr.find(w_tag("pStyle")) if ppr is not None else None
    pstyle = pstyle_el.get(w_tag("val")) if pstyle_el is not None else resolver.styles.default_para
    look = resolver.paragraph_format(ppr, pstyle)
    runs = [resolver.run(r, pstyle, link) for r, link in _own_runs(p)]
    hanging = look["hanging"]
    page_field = _page_field(p)
    shapes, vml = _line_shapes(p)
    return Paragraph(
        text="".join(run.text for run in runs),
        style=look["style"],
        align=look["align"],
        first_line_cm=-_twips_cm(hanging) if hanging else _twips_cm(look["first_line"]),
        left_cm=_twips_cm(look["left"]),
        right_cm=_twips_cm(look["right"]),
        space_before_pt=(number(look["before"]) or 0) / 20,
        space_after_pt=(number(look["after"]) or 0) / 20,
        line=number(look["line"]),
        line_rule=look["line_rule"],
        keep_next=look["keep_next"],
        border_bottom=look["border_bottom"],
        runs=runs,
        where=where,
        page_break_before=look["page_break_before"]
        or any(br.get(w_tag("type")) == "page" for br in p.iter(w_tag("br"))),
        has_page_field=page_field is not None,
        page_field_format=" ".join((page_field or "").split()[1:]),
        border_color=look["border_color"],
        line_shapes_cm=shapes,
        unmeasured_shapes=vml,
        list_label=numbering.label(look["num_id"], int(number(look["ilvl"]) or 0))
        if numbering is not None and look["num_id"] else "",
    )


# -- the package ---------------------------------------------------------------------------

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


class _Package:
    """The parts of a DOCX zip, parsed on demand with a size limit."""

    def __init__(self, source: Path | bytes) -> None:
        if isinstance(source, bytes):
            head, opened = source[:8], io.BytesIO(source)
        else:
            head = source.read_bytes()[:8] if source.is_file() else b""
            opened = source  # type: ignore[assignment]
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise DocxUnreadable("encrypted")
        try:
            self.zip = zipfile.ZipFile(opened)
        except (zipfile.BadZipFile, OSError) as err:
            raise DocxUnreadable("not_docx") from err
        self.names = set(self.zip.namelist())
        if "word/document.xml" not in self.names:
            raise DocxUnreadable("not_docx")

    def raw(self, name: str) -> bytes:
        """The bytes of part ``name`` (empty when there is none)."""
        if name not in self.names:
            return b""
        if self.zip.getinfo(name).file_size > MAX_PART_BYTES:
            raise DocxUnreadable("too_large")
        try:
            return self.zip.read(name)
        except (zipfile.BadZipFile, KeyError, OSError) as err:
            raise DocxUnreadable("corrupt") from err

    def xml(self, name: str) -> Any:
        if name not in self.names:
            return None
        try:
            return etree.fromstring(self.raw(name), _PARSER)
        except etree.XMLSyntaxError as err:
            raise DocxUnreadable("corrupt") from err

    def rels(self, part: str) -> dict[str, str]:
        folder, _, base = part.rpartition("/")
        root = self.xml(f"{folder}/_rels/{base}.rels")
        if root is None:
            return {}
        return {rel.get("Id"): f"{folder}/{rel.get('Target')}".replace("word/../", "")
                for rel in root.iter(f"{{{PKG_REL}}}Relationship")
                if rel.get("TargetMode") != "External"}


def _block_children(parent: Any) -> list[Any]:
    """Paragraphs, tables and section properties of the body, in order; content controls
    (w:sdt) opened, comments and processing instructions skipped."""
    out = []
    for child in parent:
        if not isinstance(child.tag, str):
            continue
        if etree.QName(child).localname == "sdt":
            content = child.find("w:sdtContent", NS)
            if content is not None:
                out += _block_children(content)
            continue
        out.append(child)
    return out


_RESOLVERS: dict[tuple[bytes, bytes], Resolver] = {}
_RESOLVERS_KEPT = 8
_RESOLVER_KEY_BYTES = 1_000_000


def _resolver(pkg: _Package) -> Resolver:
    """The style resolver of ``pkg``'s styles and theme, shared by every file that has the
    same two parts, byte for byte (all of one build's documents): each format is then
    resolved once for all of them."""
    key = (pkg.raw("word/styles.xml"), pkg.raw("word/theme/theme1.xml"))
    found = _RESOLVERS.get(key)
    if found is None:
        found = Resolver(Styles(pkg.xml("word/styles.xml"), pkg.xml("word/theme/theme1.xml")))
        if sum(map(len, key)) <= _RESOLVER_KEY_BYTES:  # a stranger's huge styles: not kept
            if len(_RESOLVERS) >= _RESOLVERS_KEPT:
                _RESOLVERS.pop(next(iter(_RESOLVERS)))
            _RESOLVERS[key] = found
    return found


def read_docx(source: Path | bytes, rows_per_table: int | None = None) -> Document:
    """All facts of the DOCX at ``source`` (a path, or the file's bytes); raises
    :class:`DocxUnreadable` with a reason code.

    With ``rows_per_table``, only the first rows of each table are read in full and the
    others only for their words (``Document.skimmed``): for files whose long tables repeat
    one row's format (plangen's own), so that a 10,000-row list costs little to gate.
    """
    pkg = _Package(source)
    resolver = _resolver(pkg)
    numbering = Numbering.read(pkg.xml("word/numbering.xml"))
    root = pkg.xml("word/document.xml")
    body = root.find("w:body", NS)
    if body is None:
        raise DocxUnreadable("corrupt")
    paragraphs: list[Paragraph] = []
    tables: list[Table] = []
    skimmed: list[tuple[str, str]] = []
    section_props: list[Any] = []
    for child in _block_children(body):
        tag = etree.QName(child).localname
        if tag == "p":
            para = read_paragraph(child, resolver, "body", numbering)
            para.section = len(section_props)
            paragraphs.append(para)
            sect = child.find("w:pPr/w:sectPr", NS)
            if sect is not None:
                section_props.append(sect)
        elif tag == "tbl":
            _read_table(child, resolver, tables, paragraphs, len(section_props),
                        (rows_per_table, skimmed), numbering)
        elif tag == "sectPr":
            section_props.append(child)
    for i, para in enumerate(paragraphs):
        para.index = i
    rels = pkg.rels("word/document.xml")
    sections = [_read_section(s, pkg, rels, resolver) for s in section_props]
    skimmed += _footnote_words(pkg.xml("word/footnotes.xml"))
    return Document(
        paragraphs=paragraphs,
        tables=tables,
        sections=sections,
        core=_core(pkg.xml("docProps/core.xml")),
        has_comments=pkg.xml("word/comments.xml") is not None
        and pkg.xml("word/comments.xml").find("w:comment", NS) is not None,
        has_tracked_changes=root.find(".//w:ins", NS) is not None
        or root.find(".//w:del", NS) is not None,
        skimmed=skimmed,
    )


def _footnote_words(footnotes: Any) -> list[tuple[str, str]]:
    """The words of each footnote, where they are (``footnote 2``): the gate reads them for
    leftover tags as it reads the body."""
    if footnotes is None:
        return []
    w_id = f"{{{NS['w']}}}id"
    return [(_words(p), f"footnote {note.get(w_id)}")
            for note in footnotes.iterfind("w:footnote", NS) for p in note.iterfind(".//w:p", NS)
            if int(note.get(w_id, "0")) > 0]


@dataclass(frozen=True)
class Texts:
    """What a DOCX says, without how: each body paragraph's text, the core properties,
    whether it has comments or tracked changes. Cheap to read, for files whose layout is
    known to be right (forms filled from one checked template)."""

    paragraphs: tuple[str, ...]
    core: dict[str, str]
    has_comments: bool
    has_tracked_changes: bool


def read_texts(source: Path | bytes) -> Texts:
    """The texts of the DOCX at ``source``; raises :class:`DocxUnreadable` as
    :func:`read_docx` does."""
    pkg = _Package(source)
    root = pkg.xml("word/document.xml")
    w_p = f"{{{NS['w']}}}p"
    paragraphs = tuple(_words(p) for p in root.iter(w_p))
    comments = pkg.xml("word/comments.xml")
    return Texts(paragraphs, _core(pkg.xml("docProps/core.xml")),
                 comments is not None and comments.find("w:comment", NS) is not None,
                 root.find(".//w:ins", NS) is not None or root.find(".//w:del", NS) is not None)


W_T = f"{{{NS['w']}}}t"
Skim = tuple[int | None, list[tuple[str, str]]]
"""How many rows of a table to read in full, and where to put the words of the others."""


def _words(paragraph: Any) -> str:
    """A paragraph's text, nothing about its look: cheap, for texts that are only searched."""
    return "".join(t.text or "" for t in paragraph.iter(W_T))


def _read_table(tbl: Any, resolver: Resolver, tables: list[Table],
                paragraphs: list[Paragraph], section: int,
                skim: Skim | None = None, numbering: Numbering | None = None) -> None:
    index = len(tables) + 1
    grid = [_twips_cm(g.get(w_tag("w"))) for g in tbl.findall("w:tblGrid/w:gridCol", NS)]
    indent = tbl.find("w:tblPr/w:tblInd", NS)
    rows = tbl.findall("w:tr", NS)
    margins = [tbl.find(f"w:tblPr/w:tblCellMar/w:{side}", NS) for side in ("left", "right")]
    tables.append(Table(
        index=index, columns_cm=grid,
        indent_cm=_twips_cm(indent.get(w_tag("w"))) if indent is not None else 0.0,
        # 108 twips (0.19 cm) is Word's default cell padding when a table sets none.
        cell_margins_cm=tuple(_twips_cm(m.get(w_tag("w"))) if m is not None else 0.19
                              for m in margins),  # type: ignore[arg-type]
        borders_visible=_borders_visible(tbl, resolver.styles),
        rows=len(rows),
        cant_split_rows=sum(r.find("w:trPr/w:cantSplit", NS) is not None for r in rows),
        header_rows=sum(r.find("w:trPr/w:tblHeader", NS) is not None for r in rows),
    ))
    limit, skimmed = skim if skim is not None else (None, [])
    w_p = w_tag("p")
    for r, row in enumerate(rows, start=1):
        if limit is not None and r > limit:
            skimmed += [(_words(p), f"table {index} r{r}") for p in row.iter(w_p)]
            continue
        c = 1
        for cell in row.findall("w:tc", NS):
            # The cell's first column of the table's grid: merged cells (w:gridSpan) of
            # one row do not shift the columns of the next.
            first, c = c, c + max(1, int(number(_get(cell.find("w:tcPr/w:gridSpan", NS),
                                                     "val")) or 1))
            c_here = first
            for child in _block_children(cell):
                tag = etree.QName(child).localname
                if tag == "p":
                    para = read_paragraph(child, resolver, f"table {index} r{r}c{c_here}",
                                          numbering)
                    para.table, para.row, para.col, para.section = index, r, c_here, section
                    paragraphs.append(para)
                elif tag == "tbl":  # a table inside a cell is a table of its own
                    _read_table(child, resolver, tables, paragraphs, section, skim,
                                numbering)


def _borders_visible(tbl: Any, styles: Styles) -> bool:
    candidates = [tbl.find("w:tblPr/w:tblBorders", NS)]
    style = tbl.find("w:tblPr/w:tblStyle", NS)
    if style is not None:
        chain = styles.chain(style.get(w_tag("val")))
        candidates += [s.find("w:tblPr/w:tblBorders", NS) for s in chain]
    for borders in candidates:
        if borders is not None:
            return any(b.get(w_tag("val")) not in ("nil", "none", None) for b in borders)
    cell_borders = tbl.findall(".//w:tcBorders/*", NS)
    return any(b.get(w_tag("val")) not in ("nil", "none", None) for b in cell_borders)


def _mm(value: str | None, default: float = 0.0) -> float:
    found = number(value)
    return round(found / 56.6929, 1) if found is not None else default


def _get(el: Any, name: str) -> str | None:
    return el.get(w_tag(name)) if el is not None else None


def _read_section(sect: Any, pkg: _Package, rels: dict[str, str],
                  resolver: Resolver) -> Section:
    size = sect.find("w:pgSz", NS)
    mar = sect.find("w:pgMar", NS)
    get = _get
    width, height = _mm(get(size, "w")), _mm(get(size, "h"))
    start = sect.find("w:pgNumType", NS)
    section = Section(
        width_mm=width, height_mm=height,
        top_mm=abs(_mm(get(mar, "top"))), bottom_mm=abs(_mm(get(mar, "bottom"))),
        left_mm=_mm(get(mar, "left")), right_mm=_mm(get(mar, "right")),
        landscape=get(size, "orient") == "landscape" or width > height,
        title_page=on(sect.find("w:titlePg", NS)) is True,
        page_number_start=int(number(start.get(w_tag("start"))) or 0) or None
        if start is not None else None,
    )
    parts = (("headerReference", section.headers), ("footerReference", section.footers))
    for kind, target in parts:
        for ref in sect.findall(f"w:{kind}", NS):
            part = rels.get(ref.get(f"{{{R}}}id") or "")
            root = pkg.xml(part) if part else None
            if root is None:
                continue
            name = ref.get(w_tag("type")) or "default"
            target[name] = [read_paragraph(p, resolver, f"{kind[:6]} {name}")
                            for p in root.iter(w_tag("p"))]
    return section


_CORE = {"title": "{http://purl.org/dc/elements/1.1/}title",
         "subject": "{http://purl.org/dc/elements/1.1/}subject",
         "creator": "{http://purl.org/dc/elements/1.1/}creator",
         "keywords": "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}keywords",
         "created": "{http://purl.org/dc/terms/}created",
         "modified": "{http://purl.org/dc/terms/}modified"}


def _core(root: Any) -> dict[str, str]:
    if root is None:
        return {}
    out = {}
    for key, tag in _CORE.items():
        el = root.find(tag)
        if el is not None and el.text:
            out[key] = el.text
    return out
