"""Effective formatting: a run's or paragraph's property as Word shows it.

Why: a property is the run's own setting, else its character style's, else its
paragraph style's and that style's ancestors', else the document defaults', with theme
fonts resolved through the theme. python-docx answers ``None`` ("inherited") for most of
these, so the chain is resolved here.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from plangen.check.read.facts import Run

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS = {"w": W, "a": A}


def w_tag(tag: str) -> str:
    """The Clark name of a WordprocessingML tag: ``{namespace}tag``."""
    return f"{{{W}}}{tag}"


def number(value: str | None) -> float | None:
    """A numeric attribute, or None when it is absent or not a number (a damaged file)."""
    if value is None:
        return None
    try:
        result = float(value)
    except ValueError:
        return None
    return result if abs(result) < 1e9 else None


def on(el: Any) -> bool | None:
    """Value of a toggle property element (w:b, w:i…): None when absent."""
    if el is None:
        return None
    return el.get(w_tag("val"), "true").lower() not in ("0", "false", "off", "none")


class Styles:
    """Style lookup with inheritance, document defaults and theme fonts."""

    def __init__(self, styles: Any, theme: Any) -> None:
        self.by_id: dict[str, Any] = {}
        self.default_para: str | None = None
        self.default_char: str | None = None
        self.doc_rpr = self.doc_ppr = None
        self.theme = _theme_fonts(theme)
        if styles is None:
            return
        for st in styles.iter(w_tag("style")):
            sid = st.get(w_tag("styleId"))
            self.by_id[sid] = st
            if st.get(w_tag("default")) in ("1", "true", "on"):
                if st.get(w_tag("type")) == "paragraph":
                    self.default_para = sid
                elif st.get(w_tag("type")) == "character":
                    self.default_char = sid
        self.doc_rpr = styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
        self.doc_ppr = styles.find("w:docDefaults/w:pPrDefault/w:pPr", NS)

    def name(self, sid: str | None) -> str:
        st = self.by_id.get(sid or "")
        if st is None:
            return sid or ""
        el = st.find(w_tag("name"))
        return el.get(w_tag("val")) if el is not None else sid or ""

    def chain(self, sid: str | None) -> list[Any]:
        """The style and its ancestors, nearest first (cycles cut)."""
        out: list[Any] = []
        seen: set[str] = set()
        while sid and sid in self.by_id and sid not in seen:
            seen.add(sid)
            st = self.by_id[sid]
            out.append(st)
            based = st.find(w_tag("basedOn"))
            sid = based.get(w_tag("val")) if based is not None else None
        return out


def _theme_fonts(theme: Any) -> dict[str, str]:
    if theme is None:
        return {}
    fonts: dict[str, str] = {}
    for kind in ("major", "minor"):
        latin = theme.find(f".//a:{kind}Font/a:latin", NS)
        ea = theme.find(f".//a:{kind}Font/a:ea", NS)
        cs = theme.find(f".//a:{kind}Font/a:cs", NS)
        fonts[f"{kind}HAnsi"] = latin.get("typeface") if latin is not None else ""
        fonts[f"{kind}Ascii"] = fonts[f"{kind}HAnsi"]
        latin_face = fonts[f"{kind}HAnsi"]
        fonts[f"{kind}EastAsia"] = (ea.get("typeface") if ea is not None else "") or latin_face
        fonts[f"{kind}Bidi"] = (cs.get("typeface") if cs is not None else "") or latin_face
    return fonts


# -- effective formatting ----------------------------------------------------------------

_FONT_SLOTS = (("ascii", "asciiTheme"), ("hAnsi", "hAnsiTheme"),
               ("eastAsia", "eastAsiaTheme"), ("cs", "cstheme"))


class Resolver:
    """Finds the effective value of a property through the run/paragraph style chain.

    A document repeats a few formats over many runs and paragraphs, so each format is
    resolved once: keyed by its paragraph style and its own direct formatting (the XML of
    its ``w:rPr`` or ``w:pPr``), which are all the chain depends on."""

    def __init__(self, styles: Styles) -> None:
        self.styles = styles
        self._run_formats: dict[tuple[str | None, bytes | None], dict[str, Any]] = {}
        self._paragraph_formats: dict[tuple[str | None, bytes | None], dict[str, Any]] = {}

    def rpr_levels(self, rpr: Any, pstyle: str | None) -> list[Any]:
        """rPr elements from the run outwards: direct, character style, paragraph style,
        document defaults."""
        levels = []
        if rpr is not None:
            levels.append(rpr)
            rstyle = rpr.find(w_tag("rStyle"))
            if rstyle is not None:
                chain = self.styles.chain(rstyle.get(w_tag("val")))
                levels += [s.find(w_tag("rPr")) for s in chain]
        levels += [s.find(w_tag("rPr")) for s in self.styles.chain(pstyle)]
        levels.append(self.styles.doc_rpr)
        return [lv for lv in levels if lv is not None]

    def ppr_levels(self, ppr: Any, pstyle: str | None) -> list[Any]:
        levels = [ppr] if ppr is not None else []
        levels += [s.find(w_tag("pPr")) for s in self.styles.chain(pstyle)]
        levels.append(self.styles.doc_ppr)
        return [lv for lv in levels if lv is not None]

    @staticmethod
    def first(levels: list[Any], tag: str) -> Any:
        for level in levels:
            found = level.find(w_tag(tag))
            if found is not None:
                return found
        return None

    @staticmethod
    def attr(levels: list[Any], tag: str, name: str) -> str | None:
        for level in levels:
            found = level.find(w_tag(tag))
            if found is not None and found.get(w_tag(name)) is not None:
                return str(found.get(w_tag(name)))
        return None

    def fonts(self, levels: list[Any]) -> dict[str, str]:
        out: dict[str, str] = {}
        for slot, theme_attr in _FONT_SLOTS:
            for level in levels:
                el = level.find(w_tag("rFonts"))
                if el is None:
                    continue
                theme = el.get(w_tag(theme_attr))
                if theme:
                    out[slot] = self.styles.theme.get(theme, theme)
                    break
                if el.get(w_tag(slot)):
                    out[slot] = str(el.get(w_tag(slot)))
                    break
            else:
                out[slot] = ""
        return out

    def run(self, r: Any, pstyle: str | None, in_link: bool) -> Run:
        rpr = r.find(w_tag("rPr"))
        key = (pstyle, None if rpr is None else etree.tostring(rpr))
        look = self._run_formats.get(key)
        if look is None:
            look = self._run_formats[key] = self._run_format(rpr, pstyle)
        note = r.find(w_tag("footnoteReference"))
        return Run(text=run_text(r), in_hyperlink=in_link, fonts=dict(look["fonts"]),
                   footnote=note.get(w_tag("id")) if note is not None else None,
                   **{name: value for name, value in look.items() if name != "fonts"})

    def _run_format(self, rpr: Any, pstyle: str | None) -> dict[str, Any]:
        levels = self.rpr_levels(rpr, pstyle)
        size = self.attr(levels, "sz", "val")
        underline = self.attr(levels, "u", "val")
        return {
            "bold": bool(on(self.first(levels, "b"))),
            "italic": bool(on(self.first(levels, "i"))),
            "size_pt": (number(size) or 0) / 2 or None,
            "fonts": self.fonts(levels),
            "color": self.attr(levels, "color", "val") or "auto",
            "underline": underline not in (None, "none"),
            "vert_align": self.attr(levels, "vertAlign", "val"),
            "caps": bool(on(self.first(levels, "caps"))),
            "lang": self.attr(levels, "lang", "val") or "",
        }

    def paragraph_format(self, ppr: Any, pstyle: str | None) -> dict[str, Any]:
        """What a paragraph's style chain and direct formatting give it (a dict to be
        read, not changed: it is shared by every paragraph of the same format)."""
        key = (pstyle, None if ppr is None else etree.tostring(ppr))
        look = self._paragraph_formats.get(key)
        if look is None:
            look = self._paragraph_formats[key] = self._paragraph_format(ppr, pstyle)
        return look

    def _paragraph_format(self, ppr: Any, pstyle: str | None) -> dict[str, Any]:
        levels = self.ppr_levels(ppr, pstyle)
        hanging = self.attr(levels, "ind", "hanging")
        border = self.first(levels, "pBdr")
        bottom = border.find(w_tag("bottom")) if border is not None else None
        return {
            "style": self.styles.name(pstyle),
            "align": self.attr(levels, "jc", "val") or "left",
            "hanging": hanging,
            "first_line": self.attr(levels, "ind", "firstLine"),
            "left": self.attr(levels, "ind", "left") or self.attr(levels, "ind", "start"),
            "right": self.attr(levels, "ind", "right") or self.attr(levels, "ind", "end"),
            "before": self.attr(levels, "spacing", "before"),
            "after": self.attr(levels, "spacing", "after"),
            "line": self.attr(levels, "spacing", "line"),
            "line_rule": self.attr(levels, "spacing", "lineRule") or "auto",
            "keep_next": bool(on(self.first(levels, "keepNext"))),
            "page_break_before": bool(on(self.first(levels, "pageBreakBefore"))),
            # Values, never elements: a kept element would keep its whole document alive.
            "border_bottom": bottom is not None
            and bottom.get(w_tag("val")) not in ("nil", "none"),
            "border_color": (bottom.get(w_tag("color")) or "auto") if bottom is not None else "",
            "num_id": _in_numpr(levels, "numId"),
            "ilvl": _in_numpr(levels, "ilvl"),
        }


def _in_numpr(levels: list[Any], tag: str) -> str | None:
    """The list (``numId``) or level (``ilvl``) of Word's numbering a paragraph has: its
    own ``w:numPr``, else its style's."""
    for level in levels:
        found = level.find(f"w:numPr/w:{tag}", NS)
        if found is not None and found.get(w_tag("val")) is not None:
            return str(found.get(w_tag("val")))
    return None


def run_text(r: Any) -> str:
    parts = []
    for child in r:
        if not isinstance(child.tag, str):
            continue
        tag = etree.QName(child).localname
        if tag == "t":
            parts.append(child.text or "")
        elif tag == "tab":
            parts.append("\t")
        elif tag in ("br", "cr"):
            parts.append("\n")
        elif tag == "noBreakHyphen":
            parts.append("-")
    return "".join(parts)
