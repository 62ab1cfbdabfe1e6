"""Render a validated plan into DOCX files.

Why: the one place that knows which documents a plan gives and what their files are
called; each document kind has its own builder module.
"""

from __future__ import annotations

from pathlib import Path

from plangen import nd30, vn
from plangen.model import Plan
from plangen.render import kehoach


def document_name(plan: Plan) -> str:
    """``ke-hoach.docx`` for a Kế hoạch, ``bao-cao.docx`` for a Báo cáo, …"""
    return f"{vn.slug(nd30.DOC_KINDS[plan.kind])}.docx"


def write_documents(plan: Plan, out_dir: Path) -> list[Path]:
    """Build every document of ``plan`` into ``out_dir``; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / document_name(plan)
    kehoach.build(plan).save(str(target))
    return [target]
