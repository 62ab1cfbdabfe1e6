"""The imported plan as YAML a person edits: block scalars for text, a comment above each
field plangen repaired (``# SỬA:``) or could not place (``# XEM LẠI:``).

Why: the corrections belong where the author will read them, beside the line they concern;
a YAML library would drop the comments, so the few shapes a plan has are written here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from plangen.importdoc.read import Imported

ORDER = ("issuer", "kind", "number", "place", "issued_on", "de_trong", "trich_yeu", "can_cu",
         "kinh_gui", "opening", "numbering", "body", "closing", "phu_luc", "noi_nhan", "signer")
_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^#:]*$")
_NOT_TEXT = re.compile(r"^(true|false|yes|no|on|off|null|~|[-+]?\d[\d_.:e+-]*)$", re.I)


def plan_yaml(imported: Imported, source: str) -> str:
    """The plan file's text: a header comment, then each field in the plan's usual order."""
    notes: dict[str, list[str]] = {}
    for fix in imported.corrections:
        notes.setdefault(fix.where.split("[")[0].split(".")[0], []).append(f"SỬA: {fix.text}")
    for where, text in imported.review:
        notes.setdefault(where, []).append(f"XEM LẠI: {text}")
    lines = ["# yaml-language-server: $schema=plan.schema.json",
             f"# Nhập từ {source} bằng plangen import. Đọc lại các dòng # SỬA và # XEM LẠI."]
    for skipped in imported.skipped:
        lines.append(f"# KHÔNG NHẬP: {skipped}")
    lines.append("")
    for key in ORDER:
        if key not in imported.plan:
            continue
        lines += [f"# {note}" for note in notes.get(key, [])]
        lines += _field(key, imported.plan[key], 0)
    leftover = [n for key, ns in notes.items() if key not in imported.plan for n in ns]
    lines += [f"# {note}" for note in leftover]
    return "\n".join(lines) + "\n"


def _field(key: str, value: Any, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(value, dict):
        return [f"{pad}{key}:", *(line for k, v in value.items()
                                  for line in _field(k, v, indent + 2))]
    if isinstance(value, list):
        if not value:
            return [f"{pad}{key}: []"]
        if all(isinstance(v, str) and "\n" not in v for v in value) and key == "de_trong":
            return [f"{pad}{key}: [{', '.join(value)}]"]
        return [f"{pad}{key}:", *_items(value, indent + 2)]
    return _scalar_line(f"{pad}{key}:", value, indent)


def _items(values: Iterable[Any], indent: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for value in values:
        if isinstance(value, dict):
            inner = [line for k, v in value.items() for line in _field(k, v, indent + 2)]
            lines.append(f"{pad}- {inner[0].lstrip()}")
            lines += inner[1:]
        else:
            lines += _scalar_line(f"{pad}-", value, indent)
    return lines


def _scalar_line(head: str, value: Any, indent: int) -> list[str]:
    if isinstance(value, bool | int | float):
        return [f"{head} {json.dumps(value)}"]
    if isinstance(value, date):
        return [f"{head} {value.isoformat()}"]
    text = str(value)
    if "\n" in text and not text.startswith((" ", "\n")):
        pad = " " * (indent + 2)
        return [f"{head} |-", *(f"{pad}{line}" if line else "" for line in text.split("\n"))]
    return [f"{head} {scalar(text)}"]


def scalar(text: str) -> str:
    """``text`` as a one-line YAML value: plain when YAML reads it back as this very text,
    else double-quoted."""
    if _PLAIN.match(text) and not _NOT_TEXT.match(text) and text == text.strip():
        return text
    return json.dumps(text, ensure_ascii=False)
