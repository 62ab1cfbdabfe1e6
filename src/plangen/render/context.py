"""What every layout builder is given besides its document: the build's choices.

Why: the builders read only their document; whether this is a draft and where the Word
templates come from are the build's, and travel together.
"""

from __future__ import annotations

from dataclasses import dataclass

from plangen.render.annex.forms import TemplateStore


@dataclass(frozen=True)
class RenderContext:
    """A build's choices for one kind's documents."""

    templates: TemplateStore
    draft: bool = False
