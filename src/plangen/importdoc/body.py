"""The body of an imported document: its numbered sections (I. / 1. / a), with a colon,
a dash or Word's numbering), paragraphs and list items as Markdown, lines hard-wrapped
mid-sentence joined, tables, footnotes, the closing, and the Phụ lục after the signer.

Why: the plan writes sections as data and text as Markdown; reading them back keeps the
structure, which is what the coverage counts.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from plangen.check.read.facts import Paragraph
from plangen.check.read.layout import AnnexHeading, Layout
from plangen.importdoc.names import sentence_case
from plangen.importdoc.parts import (
    _ITEM,
    _LABEL,
    _SENTENCE_END,
    END_MARKS,
    Correction,
    Imported,
    all_bold,
    to_fill_in,
)
from plangen.spec import vn

LIST_STYLES = ("Compact", "List Paragraph", "List Bullet", "List Number")
"""Styles of list items whose "-" is Word's numbering, not text (pandoc writes Compact)."""


def _joined_body(paragraphs: list[Paragraph], used: set[int] | None = None
                 ) -> list[Paragraph]:
    """Lines hard-wrapped mid-sentence (text pasted from a PDF, or broken with Shift+Enter)
    joined back into their paragraph: a line that ends without a sentence's end, followed
    by one that starts in lower case and is no heading or list item."""
    out: list[Paragraph] = []
    for p in paragraphs:
        text = p.text.strip()
        if out and p.table is None and out[-1].table is None and text and \
                text[0].islower() and not _ITEM.match(text) and \
                not re.match(r"^[a-zđ][.)]\s", text) and \
                not out[-1].text.rstrip().endswith(_SENTENCE_END):
            last = out[-1]
            space = replace(last.runs[-1], text=" ", footnote=None) if last.runs else None
            runs = [*last.runs, *([space] if space else []), *p.runs]
            out[-1] = replace(last, runs=runs, text=f"{last.text.rstrip()} {text}")
            if used is not None:
                used.add(p.index)
            continue
        out.append(p)
    return out


def _body(layout: Layout, out: Imported, used: set[int], notes: dict[str, str]) -> None:
    plan = out.plan
    paragraphs = _joined_body([p for p in layout.body if p.index not in used], used)
    tables = _body_tables(layout)
    sections: list[dict[str, Any]] = []
    stack: list[tuple[int, dict[str, Any]]] = []
    opening: list[str] = []
    roman = any(_heading_level(p) == "muc" for p in paragraphs)
    decimal = any(_heading_level(p) == "sub" for p in paragraphs)
    plan["numbering"] = "roman" if roman else "decimal" if decimal else "arabic"
    levels = ("muc", "khoan", "diem") if roman else ("khoan", "sub", "sub2") if decimal \
        else ("khoan", "diem")
    for p, kind in _with_tables(paragraphs, tables, layout):
        used.add(p.index)
        level_name = _heading_level(p) if kind is None else None
        if level_name in levels:
            level = levels.index(level_name) + 1
            found = _LABEL.match(p.text.strip())
            assert found is not None
            label = found["label"]
            text = _markdown(p, notes, skip=len(p.text) - len(p.text.lstrip()) + found.start(
                "text")).rstrip(":").strip()
            if re.fullmatch(r"[a-zđ]\.", label):
                out.corrections.append(Correction("body", f'điểm "{label}" viết lại '
                                                  f'"{label[0]})"'))
            elif not re.fullmatch(r"[IVXLC]+\.|\d+(\.\d+)*\.|[a-zđ]\)", label):
                out.corrections.append(Correction("body", f'số mục "{label}" viết lại theo '
                                                  "Nghị định 30 (I., 1., a))"))
            text = sentence_case(text) if level_name == "muc" and text == vn.upper(text) \
                else text
            section: dict[str, Any] = {"heading": text}
            while stack and stack[-1][0] >= level:
                stack.pop()
            (stack[-1][1].setdefault("sections", []) if stack else sections).append(section)
            stack.append((level, section))
            continue
        text = kind if isinstance(kind, str) else _paragraph_markdown(p, out, notes)
        if not text:
            continue
        if not stack:
            opening.append(text)
        else:
            current = stack[-1][1]
            current["content"] = _join(current.get("content"), text)
    if opening:
        plan["opening"] = _strip_end("\n\n".join(opening).strip())
    _closing(sections, plan)
    if sections:
        plan["body"] = sections
    elif "opening" in plan:
        plan["content"] = plan.pop("opening")
    else:
        plan["content"] = to_fill_in(out, "content", "nội dung", "không tìm thấy nội dung")
    _footnotes(plan, notes)


def _footnotes(plan: dict[str, Any], notes: dict[str, str]) -> None:
    """Each footnote written under the text that marks it, as ``[^1]: …``."""
    def under(text: str) -> str:
        marks = dict.fromkeys(re.findall(r"\[\^(\d+)\]", text))
        defined = [f"[^{m}]: {' '.join(notes[m].split())}" for m in marks if m in notes
                   and notes[m].strip()]
        return "\n\n".join([text, *defined]) if defined else text

    def walk(sections: list[dict[str, Any]]) -> None:
        for section in sections:
            if "content" in section:
                section["content"] = under(section["content"])
            walk(section.get("sections", []))

    for key in ("opening", "content", "closing"):
        if key in plan:
            plan[key] = under(plan[key])
    walk(plan.get("body", []))


def _closing(sections: list[dict[str, Any]], plan: dict[str, Any]) -> None:
    """The last section's final "Trên đây là …" paragraph is the closing; ./. goes."""
    if not sections:
        if plan.get("opening"):
            plan["opening"] = _strip_end(plan["opening"])
        return
    last = sections[-1]
    while last.get("sections"):
        last = last["sections"][-1]
    content = last.get("content")
    if not content:
        return
    paragraphs = content.split("\n\n")
    if paragraphs[-1].startswith("Trên đây"):
        plan["closing"] = _strip_end(paragraphs.pop())
    content = "\n\n".join(paragraphs)
    if content:
        last["content"] = _strip_end(content)
    else:
        del last["content"]


def _strip_end(text: str) -> str:
    text = text.rstrip()
    for mark in END_MARKS:
        if text.endswith(mark):
            return text[: -len(mark)].rstrip() + ("." if mark == "./." else "")
    return text


def _join(before: str | None, text: str) -> str:
    if not before:
        return text
    item = text.startswith(("- ", "  - "))
    return f"{before}\n{text}" if item and before.split("\n")[-1].startswith(("- ", "  - ")) \
        else f"{before}\n\n{text}"


def _heading_level(p: Paragraph) -> str | None:
    """The level of a numbered heading ("muc" I., "khoan" 1., "diem" a), "sub" 1.1.), or
    None for running text: bold or capitals, short, with no sentence's end."""
    text = p.text.strip()
    found = _LABEL.match(text)
    if found is None or len(text) > 200 or p.table is not None:
        return None
    label = re.sub(r"[\s.):/\-–]+$", "", found["label"])
    words = found["text"].strip()
    caps = words == vn.upper(words) and any(ch.isalpha() for ch in words)
    bold = all_bold(p)
    ends = words.rstrip("*").endswith((".", ";", ","))
    if re.fullmatch(r"[IVXLC]+", label) and (bold or caps) and (
            found["label"] != label or words[:1].isupper()):
        return "muc"
    if re.fullmatch(r"\d{1,2}", label) and not ends and (bold or (
            len(words) < 100 and words[:1].isupper())) and \
            found["label"].strip()[-1:] in ".)/-–":
        return "khoan"
    if re.fullmatch(r"\d{1,2}(\.\d{1,2}){1,3}", label) and (bold or len(words) < 100) \
            and not ends:
        return "sub" if label.count(".") == 1 else "sub2"
    if re.fullmatch(r"[a-zđ]", label) and found["label"].strip()[-1:] in ".)" and \
            not text.endswith((".", ";", ":")) and len(text) < 120:
        return "diem"
    return None


def _markdown(p: Paragraph, notes: dict[str, str] | None = None, skip: int = 0) -> str:
    """The paragraph's text from character ``skip`` with bold and italic as Markdown,
    except where the whole paragraph carries them (a heading's own style), and each
    footnote's mark as ``[^id]``."""
    runs = [r for r in p.runs if r.text or r.footnote]
    every_bold = all(r.bold for r in runs if r.text.strip())
    every_italic = all(r.italic for r in runs if r.text.strip())
    out, pos = [], 0
    for r in runs:
        text = r.text
        if pos + len(text) <= skip and not (r.footnote and pos >= skip):
            pos += len(text)
            continue
        if pos < skip:
            text = text[skip - pos:]
        pos += len(r.text)
        mark_note = f"[^{r.footnote}]" if r.footnote and notes and r.footnote in notes else ""
        core = text.strip()
        if not core:
            out.append(text + mark_note)
            continue
        mark = ("**" if r.bold and not every_bold else "") + ("*" if r.italic and
                                                              not every_italic else "")
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
        out.append(f"{lead}{mark}{_escape(core)}{mark[::-1]}{mark_note}{trail}")
    return re.sub(r"\*\*\s*\*\*", "", "".join(out)).strip()


def _escape(text: str) -> str:
    """Text that Markdown or Jinja would read as markup, kept as written."""
    text = text.replace("{{", "{ {").replace("}}", "} }").replace("{%", "{ %").replace(
        "%}", "% }")
    return re.sub(r"(?<!\\)([*_`])", r"\\\1", text) if re.search(r"[*_`]", text) else text


def _paragraph_markdown(p: Paragraph, out: Imported, notes: dict[str, str]) -> str:
    text = _markdown(p, notes)
    if p.style in LIST_STYLES and p.table is None and not _ITEM.match(text) and \
            not p.list_label and not _LABEL.match(text):
        text = f"- {text}"
    found = _ITEM.match(text)
    if found is not None and found["text"].strip():
        nested = found["mark"] == "+" or p.left_cm > 1.5
        return ("  - " if nested else "- ") + found["text"].strip()
    label = re.match(r"^([a-zđ])\.\s", text)
    if label is not None:
        out.corrections.append(Correction("body", f'điểm "{label[1]}." viết lại "{label[1]})"'))
        text = f"{label[1]}) {text[3:]}"
    if p.align == "center" and all_bold(p) and len(text) < 150:
        return f"-> **{text.strip('*')}** <-"
    return text


def _body_tables(layout: Layout) -> dict[int, str]:
    """Each table between the header and the signer, as a Markdown pipe table, by the
    index of its first paragraph."""
    doc = layout.doc
    skip = {t.index for t in (layout.header_table, layout.signature_table) if t is not None}
    skip |= {p.table for block in layout.signatures for p in block if p.table is not None}
    end = min((p.index for p in doc.paragraphs if layout.signature_table is not None
               and p.table == layout.signature_table.index), default=len(doc.paragraphs))
    if layout.noi_nhan_label is not None:
        end = min(end, layout.noi_nhan_label.index)
    tables: dict[int, str] = {}
    for table in doc.tables:
        if table.index in skip:
            continue
        cells = [p for p in doc.paragraphs if p.table == table.index]
        if not cells or cells[0].index > end:
            continue
        tables[cells[0].index] = pipe_table(cells)
    return tables


def pipe_table(cells: list[Paragraph]) -> str:
    """A table's paragraphs (row, col) as a Markdown pipe table."""
    grid: dict[tuple[int, int], list[str]] = {}
    for p in cells:
        grid.setdefault((p.row or 1, p.col or 1), []).append(" ".join(p.text.split()))
    rows = max(r for r, _c in grid)
    cols = sorted({c for _r, c in grid})
    lines = []
    for r in range(1, rows + 1):
        values = [" ".join(t for t in grid.get((r, c), []) if t).replace("|", "\\|")
                  for c in cols]
        lines.append("| " + " | ".join(values) + " |")
        if r == 1:
            lines.append("|" + "---|" * len(cols))
    return "\n".join(lines)


def _with_tables(paragraphs: list[Paragraph], tables: dict[int, str],
                 layout: Layout) -> list[tuple[Paragraph, str | None]]:
    """Body paragraphs and tables in document order: (paragraph, None) or (first cell,
    the table's Markdown)."""
    cells = {i: layout.doc.paragraphs[i] for i in tables}
    merged: list[tuple[int, Paragraph, str | None]] = [(p.index, p, None) for p in paragraphs]
    merged += [(i, cells[i], tables[i]) for i in tables]
    return [(p, md) for _i, p, md in sorted(merged, key=lambda x: x[0])]


def _annexes(layout: Layout, out: Imported, used: set[int]) -> None:
    doc = layout.doc
    heads = layout.annexes
    if not heads:
        return
    annexes: list[dict[str, str]] = []
    for i, head in enumerate(heads):
        start = head.kem_theo.index
        end = _annex_start(heads[i + 1]) if i + 1 < len(heads) else len(doc.paragraphs)
        for p in [head.label, *head.titles, head.kem_theo]:
            if p is not None:
                used.add(p.index)
        title = " ".join(t.text.strip() for t in head.titles)
        if not any(ch.isalpha() for ch in title):
            title = to_fill_in(out, "phu_luc", "tên phụ lục", "phụ lục không có tên")
        inside = [p for p in doc.paragraphs if start < p.index < end]
        blocks: list[str] = []
        seen_tables: set[int] = set()
        for p in inside:
            used.add(p.index)
            if p.table is not None:
                if p.table not in seen_tables:
                    seen_tables.add(p.table)
                    blocks.append(pipe_table([c for c in inside if c.table == p.table]))
                continue
            if p.text.strip() and not _is_rule(p):
                blocks.append(_paragraph_markdown(p, out, {}))
        annexes.append({"title": sentence_case(title) if title == vn.upper(title) else title,
                        "content": "\n\n".join(blocks) or to_fill_in(
                            out, "phu_luc", "nội dung phụ lục", "phụ lục không có nội dung")})
    out.plan["phu_luc"] = annexes


def _annex_start(head: AnnexHeading) -> int:
    """The first paragraph of a Phụ lục heading."""
    first = head.label or (head.titles[0] if head.titles else head.kem_theo)
    return first.index


def _is_rule(p: Paragraph) -> bool:
    return not p.text.strip() and p.border_bottom
