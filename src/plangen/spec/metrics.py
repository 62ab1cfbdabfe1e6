"""Widths of text set in Times New Roman, for drawing rules at NĐ30's lengths.

Why: NĐ30 sizes the rules under the Tiêu ngữ, the issuing body and the trích yếu relative
to the text above them, so the renderer must know how wide that text is. The widths come
from Liberation Serif (metric-compatible with Times New Roman), precomputed into
``data/tnr_metrics.json`` by ``tools/make_metrics.py``; no font is read at run time.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

CM_PER_PT = 2.54 / 72
_FALLBACK_EM = 0.5  # an average letter, for a character the table lacks


@cache
def _table() -> dict[str, dict[str, float]]:
    text = resources.files("plangen").joinpath("data/tnr_metrics.json").read_text("utf-8")
    table: dict[str, dict[str, float]] = json.loads(text)
    return table


def _style(bold: bool, italic: bool) -> str:
    return {(False, False): "regular", (True, False): "bold",
            (False, True): "italic", (True, True): "bold_italic"}[(bold, italic)]


def text_width_cm(text: str, size_pt: float, bold: bool = False, italic: bool = False) -> float:
    """Width of ``text`` on one line, in centimetres."""
    widths = _table()[_style(bold, italic)]
    text = text.replace("\u00a0", " ")  # a no-break space is as wide as a space
    ems = sum(widths.get(ch, _FALLBACK_EM) for ch in text)
    return ems * size_pt * CM_PER_PT
