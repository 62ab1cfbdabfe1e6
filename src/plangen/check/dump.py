"""A plain-text dump of a DOCX: what it says and how, one paragraph a line.

Why: golden tests compare dumps, not DOCX bytes, so a change in layout or wording shows
as a readable diff, and a change in zip details does not.
"""

from __future__ import annotations

from plangen.check.read.facts import Document, Paragraph, Section


def _look(p: Paragraph) -> str:
    looks = []
    for run in p.runs:
        if not run.text.strip():
            continue
        size = f"{run.size_pt:g}" if run.size_pt else "?"
        look = size + (" b" if run.bold else "") + (" i" if run.italic else "") + (
            " link" if run.in_hyperlink else "")
        if look not in looks:
            looks.append(look)
    return ", ".join(looks) or "-"


def _paragraph(p: Paragraph) -> str:
    extra = []
    if p.border_bottom:
        extra.append(f"rule indent {p.left_cm:.2f}/{p.right_cm:.2f} cm")
    if p.first_line_cm:
        extra.append(f"first line {p.first_line_cm:g} cm")
    shown = p.text.replace("\n", " ⏎ ").replace("\u00a0", "·")
    fields = [p.where, p.style, p.align, _look(p), *extra]
    return " | ".join(fields) + (f" | {shown}" if shown else "")


def _section(i: int, s: Section) -> list[str]:
    lines = [f"section {i + 1}: {s.width_mm:g}×{s.height_mm:g} mm, margins "
             f"{s.top_mm:g}/{s.bottom_mm:g}/{s.left_mm:g}/{s.right_mm:g} mm, "
             f"{'landscape' if s.landscape else 'portrait'}, "
             f"title page {'on' if s.title_page else 'off'}"]
    for kind, parts in (("header", s.headers), ("footer", s.footers)):
        for name, paragraphs in sorted(parts.items()):
            for p in paragraphs:
                field = " [PAGE]" if p.has_page_field else ""
                lines.append(f"  {kind} {name}: {p.align} {_look(p)}{field}")
    return lines


def dump(doc: Document) -> str:
    """The dump of ``doc`` as text, ending with a newline."""
    lines = [f"{key}: {value}" for key, value in sorted(doc.core.items())]
    for i, section in enumerate(doc.sections):
        lines += _section(i, section)
    for t in doc.tables:
        widths = " + ".join(f"{w:.2f}" for w in t.columns_cm)
        lines.append(f"table {t.index}: {widths} cm, indent {t.indent_cm:.2f} cm, "
                     f"borders {'visible' if t.borders_visible else 'hidden'}")
    lines += [_paragraph(p) for p in doc.paragraphs]
    return "\n".join(lines) + "\n"
