"""Render a validated plan into python-docx documents, one per document kind.

Why: the one place that knows which documents a plan gives and what their files are
called; each document kind has its own builder module. Writing them is ``build``'s job.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from plangen import nd30, vn
from plangen.model import Plan
from plangen.render import kehoach


@dataclass(frozen=True)
class Rendered:
    """A document ready to save: its file name, its kind, the python-docx object."""

    file_name: str
    kind: str
    document: Any


def document_name(plan: Plan) -> str:
    """``ke-hoach.docx`` for a Kế hoạch, ``bao-cao.docx`` for a Báo cáo, …"""
    return f"{vn.slug(nd30.DOC_KINDS[plan.kind])}.docx"


def render_documents(plan: Plan, draft: bool = False) -> list[Rendered]:
    """Every document of ``plan``, in memory."""
    name = document_name(plan)
    return [Rendered(name, name.removesuffix(".docx"), kehoach.build(plan, draft=draft))]
