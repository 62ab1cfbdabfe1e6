"""The mark of a value still to be filled in: ``<<cần điền: tên cơ quan ban hành>>``.

Why: a value plangen could not find (an imported document without an issuer's name, say)
is never invented; it is written in this form, which reads as what it is, which every
text field accepts so that the plan still loads and builds as a draft, and which the
signed-ready gate refuses, so that no document leaves with it.

This module is a leaf: it imports nothing from plangen.
"""

from __future__ import annotations

import re

OPEN, CLOSE = "<<", ">>"
MARK = re.compile(r"<<[^<>\n]{0,200}>>|<<\s*cần\s+điền[^<>\n]{0,200}", re.IGNORECASE)
"""Any value still to fill, as the gate finds it in a document's text: whole, or opening a
line that a header's narrow column broke (in capitals there)."""


def to_fill(what: str) -> str:
    """``<<cần điền: what>>``."""
    return f"{OPEN}cần điền: {what}{CLOSE}"


def is_to_fill(text: str) -> bool:
    """``text`` holds a value still to fill."""
    return MARK.search(text) is not None
