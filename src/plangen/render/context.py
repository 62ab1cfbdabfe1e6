"""What every layout builder is given besides its document: the build's choices.

Why: the builders read only their document; whether this is a draft, where the Word
templates come from and how the kind numbers its headings are the build's and the kind's,
and travel together.
"""

from __future__ import annotations

from dataclasses import dataclass

from plangen.render.annex.forms import TemplateStore
from plangen.render.docx.body import MUC_KHOAN_DIEM, Numbering


@dataclass(frozen=True)
class RenderContext:
    """A build's choices for one kind's documents."""

    templates: TemplateStore
    draft: bool = False
    numbering: Numbering = MUC_KHOAN_DIEM
