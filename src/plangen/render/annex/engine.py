"""Word templates (docxtpl tags) compiled once and filled many times, with a lint.

Why: an admin edits templates/*.docx in Word, and a Sở fills thousands of forms from
them. Each template is read, its tags cleaned by docxtpl's ``patch_xml`` and compiled
into one Jinja template of ``word/document.xml`` once; each form is then a string render
and a zip write, with every other part copied as it is. Values are escaped (autoescape:
"Sở GD&ĐT" stays one text), an undefined name is an error (StrictUndefined), and the lint
names the template, the tag and the variable before anything is rendered.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, meta, nodes
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from plangen.errors import UserError
from plangen.messages import Lang, message
from plangen.render.docx.package import append_entries

DOCUMENT = "word/document.xml"
CORE = "docProps/core.xml"
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_PARAGRAPH = re.compile(r"<w:p[ >].*?</w:p>", re.S)
_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")


def xuong_dong(value: object) -> Markup:
    """Line breaks in a value become Word line breaks (the value itself stays escaped)."""
    text = str(escape(value))
    return Markup(text.replace("\n", '</w:t><w:br/><w:t xml:space="preserve">'))


def _environment() -> SandboxedEnvironment:
    env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=True)
    env.filters["xuong_dong"] = xuong_dong
    return env


ENV = _environment()


@dataclass
class CompiledTemplate:
    """A template ready to fill: its parts, and document.xml as a compiled Jinja template;
    ``heading`` is XML put first in the body of each filled copy."""

    path: Path
    parts: dict[str, bytes]
    template: Any
    lang: Lang = "vi"
    ast: Any = None  # the Jinja tree, for the lint of each use
    source: str = ""  # document.xml as compiled, for the tags the lint names
    split: tuple[str, ...] = ()  # tags Word split across runs
    heading: str = ""

    def for_use(self, sample: Mapping[str, Any], heading: str = "") -> CompiledTemplate:
        """This template, linted against ``sample`` (a context of the shape it will be
        filled with), its copies headed by ``heading``: one compilation serves a form's
        Phụ lục in the plan and the forms filled one by one."""
        problems = [*self.split, *unknown_names(self.path, self.source, self.ast, sample,
                                                self.lang)]
        if problems:
            raise UserError(problems)
        return replace(self, heading=heading)

    def render_xml(self, context: Mapping[str, Any]) -> str:
        """document.xml filled with ``context``; a failure names the template."""
        try:
            xml = str(self.template.render(context))
        except Exception as err:  # a template's expression failing is the admin's to fix
            raise UserError([message("template_render", self.lang,
                                     template=self.path,
                                     detail=f"{type(err).__name__}: {err}")]) from None
        # After the filling, not in the template: a heading is plangen's XML, never Jinja.
        return xml.replace("<w:body>", "<w:body>" + self.heading, 1) if self.heading else xml

    def render(self, context: Mapping[str, Any],
               properties: Mapping[str, str] | None = None) -> bytes:
        """A whole DOCX filled with ``context``: same parts, fixed zip times, and core
        properties (title, subject, creator, created…) from ``properties``.

        The parts that do not change are compressed once (``prefix``); each form only adds
        its own document.xml and core.xml to a copy of them.
        """
        parts = {DOCUMENT: self.render_xml(context).encode("utf-8")}
        core = core_xml(properties) if properties is not None else self.parts.get(CORE)
        if core is not None:
            parts[CORE] = core
        return append_entries(self.prefix, parts)

    @cached_property
    def prefix(self) -> bytes:
        """A zip of every part but document.xml and core.xml, [Content_Types].xml first."""
        return append_entries(b"", {name: data for name, data in self.parts.items()
                                    if name not in (DOCUMENT, CORE)})


def core_xml(properties: Mapping[str, str]) -> bytes:
    """docProps/core.xml with ``title``, ``subject``, ``creator``, ``keywords``,
    ``category``, ``language``, ``created`` (also used as modified) and ``status``."""
    def element(tag: str, key: str) -> str:
        value = properties.get(key)
        return f"<{tag}>{escape(value)}</{tag}>" if value else ""
    created = properties.get("created", "")
    stamps = (f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
              f'<dcterms:modified xsi:type="dcterms:W3CDTF">{created}</dcterms:modified>'
              if created else "")
    return ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>"
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            + element("dc:title", "title") + element("dc:subject", "subject")
            + element("dc:creator", "creator") + element("cp:keywords", "keywords")
            + element("cp:lastModifiedBy", "creator") + "<cp:revision>1</cp:revision>"
            + stamps + element("cp:category", "category")
            + element("dc:language", "language") + element("cp:contentStatus", "status")
            + "</cp:coreProperties>").encode("utf-8")


def read_parts(path: Path, lang: Lang) -> dict[str, bytes]:
    """Every part of the template ``path``, [Content_Types].xml first; a broken file is a
    user error naming the template."""
    try:
        with zipfile.ZipFile(path) as package:
            names = package.namelist()
            ordered = [n for n in names if n == "[Content_Types].xml"] + sorted(
                n for n in names if n != "[Content_Types].xml")
            parts = {name: package.read(name) for name in ordered}
    except (OSError, zipfile.BadZipFile) as err:
        raise UserError([message("template_unreadable", lang, template=path,
                                 reason=getattr(err, "strerror", None) or err)]) from None
    if DOCUMENT not in parts:
        raise UserError([message("template_part_missing", lang, template=path,
                                 part=DOCUMENT)])
    return parts


def compile_document(path: Path, lang: Lang = "vi") -> CompiledTemplate:
    """Read and compile ``path``, to be linted against each use's context
    (:meth:`CompiledTemplate.for_use`)."""
    parts = read_parts(path, lang)
    xml = parts[DOCUMENT].decode("utf-8")
    problems = split_tags(path, xml, lang)
    patched = DocxTemplate(str(path)).patch_xml(xml)
    try:
        ast = ENV.parse(patched)
    except TemplateSyntaxError as err:
        tag = (_unclosed_block(patched) if "Unexpected end of template" in str(err.message)
               else _tag_at_line(patched, err.lineno))
        raise UserError([*problems, message("template_syntax", lang, template=path, tag=tag,
                                            detail=err.message)]) from None
    try:
        compiled = ENV.from_string(ast)  # the tree read above: the XML is parsed once
    except TemplateError as err:  # e.g. a filter that does not exist
        found = re.search(r"named '(\w+)'", str(err.message))
        tag = _tag_using(patched, found.group(1)) if found else "?"
        raise UserError([*problems, message("template_syntax", lang, template=path, tag=tag,
                                            detail=err.message)]) from None
    return CompiledTemplate(path, parts, compiled, lang, ast, patched, tuple(problems))


def split_tags(path: Path, xml: str, lang: Lang) -> list[str]:
    """Tags that Word has split across runs (formatting or spell-check changed midway)."""
    problems = []
    for paragraph in _PARAGRAPH.findall(xml):
        pieces = _TEXT.findall(paragraph)
        text, bounds, pos = "".join(pieces), set(), 0
        for piece in pieces[:-1]:
            pos += len(piece)
            bounds.add(pos)
        for found in _TAG.finditer(text):
            if any(found.start() < b < found.end() for b in bounds):
                problems.append(message("template_split", lang, template=path,
                                        tag=found.group()))
    return problems


def unknown_names(path: Path, source: str, ast: nodes.Template, sample: Mapping[str, Any],
                  lang: Lang) -> list[str]:
    """Each variable or attribute the template uses that the build's context lacks."""
    problems = []
    for name in sorted(meta.find_undeclared_variables(ast)):
        if name not in sample:
            problems.append(message("template_unknown", lang, template=path,
                                    tag=_tag_using(source, name), name=name,
                                    known=", ".join(sorted(sample))))
    for node in ast.find_all(nodes.Getattr):
        chain = _chain(node)
        if chain is None or chain[0] not in sample:
            continue
        value: Any = sample
        for i, part in enumerate(chain):
            if not isinstance(value, Mapping) or part not in value:
                dotted = ".".join(chain[:i + 1])
                known = ", ".join(sorted(value)) if isinstance(value, Mapping) else "—"
                problems.append(message("template_unknown", lang, template=path,
                                        tag=_tag_using(source, dotted), name=dotted,
                                        known=known))
                break
            value = value[part]
    return list(dict.fromkeys(problems))


def _chain(node: nodes.Getattr) -> list[str] | None:
    parts = [node.attr]
    inner = node.node
    while isinstance(inner, nodes.Getattr):
        parts.append(inner.attr)
        inner = inner.node
    if not isinstance(inner, nodes.Name):
        return None
    return [inner.name, *reversed(parts)]


def _tag_using(source: str, dotted: str) -> str:
    pattern = re.compile(rf"(?<![\w.]){re.escape(dotted)}(?![\w])")
    return next((t.group() for t in _TAG.finditer(source) if pattern.search(t.group())),
                dotted)


def _unclosed_block(source: str) -> str:
    """The last ``{% if %}`` or ``{% for %}`` that no end tag closes."""
    stack: list[str] = []
    for found in re.finditer(r"\{%-?\s*(\w+)[^%]*%\}", source):
        word = found.group(1)
        if word in ("if", "for"):
            stack.append(found.group())
        elif word in ("endif", "endfor") and stack:
            stack.pop()
    return stack[-1] if stack else "?"


def _tag_at_line(source: str, line: int | None) -> str:
    lines = source.splitlines()
    text = lines[line - 1] if line and line <= len(lines) else source
    found = re.search(r"\{[{%][^}]*$|\{[{%].*?[}%]\}", text)
    return found.group()[:60] if found else "?"
