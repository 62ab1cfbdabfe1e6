"""The imported plan as YAML a person edits: folded blocks for long text, a comment above
each field plangen repaired (``# SỬA:``) or could not place (``# XEM LẠI:``), every line
of a comment a comment.

Why: the corrections belong where the author will read them, beside the line they concern;
a YAML library would drop the comments, so the few shapes a plan has are written here,
and the text is then read back with plangen's own YAML reader: whatever a document held
(quotes, colons, "#", control characters), the file written always loads, and a value
that would not come back as it was is written quoted instead.
"""

from __future__ import annotations

import json
import re
import textwrap
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from plangen.importdoc.parts import Imported
from plangen.plan.yamlread import YamlRejected, read_yaml

ORDER = ("issuer", "place", "signer", "kind", "number", "issued_on", "de_trong", "trich_yeu",
         "authority", "unit", "lien_tich", "can_cu", "theo_de_nghi", "kinh_gui", "opening",
         "content", "numbering", "body", "closing", "dieu", "ban_hanh", "loai", "bat_dau",
         "ket_thuc", "dia_diem", "thanh_phan", "chu_toa", "chu_toa_goi_la", "thu_ky",
         "ket_luan", "kinh_moi", "toi_du", "chu_tri", "luu_y", "phu_luc", "noi_nhan")
NEAREST = {"body": ("body", "content", "dieu", "opening"), "content": ("content", "body"),
           "number": ("de_trong", "kind", "trich_yeu"), "de_trong": ("de_trong", "trich_yeu"),
           "issued_on": ("de_trong", "trich_yeu"), "kind": ("kind", "trich_yeu")}
"""Where a note about a field the plan does not have is written: above the nearest one."""
WIDTH = 88
FOLD_OVER = 80  # a one-line text longer than this is written as a folded block
_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`<=~][^#:]*$")
_NOT_TEXT = re.compile(r"^(true|false|yes|no|on|off|null|~|[-+]?[\d.][\d_.:eE+-]*|"
                       r"[-+]?\.(inf|nan))$", re.I)
_UNSAFE = re.compile("[^\x09\x0a\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|"
                     "[\u00ad\u200b\u200c\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
"""What YAML cannot hold (controls, surrogates) and the invisible marks a plan refuses."""
_BREAKS = re.compile("\r\n|[\r\x85\u2028\u2029]")


MARKDOWN_KEYS = frozenset({"content", "opening", "closing", "ket_luan", "luu_y"})
MARKDOWN_LISTS = frozenset({"dieu", "khoan", "diem"})
"""The fields written in Markdown, where a line may be wrapped without changing the text
plangen prints (a single line break is a space)."""
_STARTS_BLOCK = re.compile(r"^(\s*[-+*>#|]|\s*\d+[.)]\s|\s*\[\^)")


def plan_yaml(imported: Imported, source: str) -> str:
    """The plan file's text: a header comment, then each field in the plan's usual order,
    each note on the lines above its field."""
    wrapped = replace(imported, plan=_wrapped(imported.plan))
    text = _render(wrapped, source, quote_all=False)
    if not _loads_as_written(text, wrapped.plan):
        text = _render(wrapped, source, quote_all=True)
    return text


def _wrapped(value: Any, key: str = "") -> Any:
    """The plan with the long lines of its Markdown fields wrapped."""
    if isinstance(value, dict):
        return {k: _wrapped(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_wrapped(v, "content" if key in MARKDOWN_LISTS else "") for v in value]
    if isinstance(value, str) and key in MARKDOWN_KEYS and "\n" in value:
        return "\n".join(wrap_markdown_line(line) for line in value.split("\n"))
    return value


def wrap_markdown_line(line: str, width: int = WIDTH - 12) -> str:
    """One Markdown line wrapped to ``width``: a list item's next lines indented under its
    text, a paragraph's flush; kept whole when a wrapped line would start a list, a table
    or a note (its meaning would change)."""
    if len(line) <= width or "|" in line or "  " in line.strip():
        return line
    item = re.match(r"^(\s*[-+]\s)", line)
    indent = " " * len(item[1]) if item else ""
    parts = textwrap.wrap(line, width, subsequent_indent=indent, break_long_words=False,
                          break_on_hyphens=False)
    if any(_STARTS_BLOCK.match(part[len(indent):]) for part in parts[1:]):
        return line
    return "\n".join(parts)


def _notes(imported: Imported) -> dict[str, list[str]]:
    notes: dict[str, list[str]] = {}
    for fix in imported.corrections:
        notes.setdefault(fix.where.split("[")[0].split(".")[0], []).append(f"SỬA: {fix.text}")
    for where, text in imported.review:
        notes.setdefault(where.split("[")[0].split(".")[0], []).append(f"XEM LẠI: {text}")
    placed: dict[str, list[str]] = {}
    keys = [k for k in ORDER if k in imported.plan] + [k for k in imported.plan
                                                       if k not in ORDER]
    for where, lines in notes.items():
        target = next((k for k in (where, *NEAREST.get(where, ())) if k in imported.plan),
                      keys[0] if keys else where)
        placed.setdefault(target, []).extend(lines)
    return placed


def _render(imported: Imported, source: str, quote_all: bool) -> str:
    notes = _notes(imported)
    lines = ["# yaml-language-server: $schema=plan.schema.json",
             *comment(f"Nhập từ {source} bằng plangen import. Đọc lại các dòng SỬA và XEM "
                      "LẠI; các giá trị <<cần điền: …>> phải được điền trước khi ký.")]
    for skipped in imported.skipped:
        lines += comment(f"KHÔNG NHẬP: {skipped}")
    lines.append("")
    keys = [k for k in ORDER if k in imported.plan] + [k for k in imported.plan
                                                       if k not in ORDER]
    for key in keys:
        for note in notes.get(key, []):
            lines += comment(note)
        lines += _field(key, imported.plan[key], 0, quote_all)
    return "\n".join(lines) + "\n"


def comment(text: str) -> list[str]:
    """``text`` as comment lines: each of its lines, wrapped, starts with "# "."""
    out: list[str] = []
    for line in clean(text).split("\n"):
        out += [f"# {part}" for part in textwrap.wrap(line, WIDTH - 2,
                                                       break_long_words=False,
                                                       break_on_hyphens=False) or [""]]
    return out


def clean(text: str) -> str:
    """``text`` without the characters a plan file refuses (controls, invisible marks),
    composed (NFC), its tabs spaces."""
    text = _BREAKS.sub("\n", unicodedata.normalize("NFC", text.replace("\t", " ")))
    return _UNSAFE.sub("", text)


def _field(key: str, value: Any, indent: int, quote_all: bool) -> list[str]:
    pad = " " * indent
    if isinstance(value, dict):
        if not value:
            return [f"{pad}{key}: {{}}"]
        return [f"{pad}{key}:", *(line for k, v in value.items()
                                  for line in _field(k, v, indent + 2, quote_all))]
    if isinstance(value, list):
        if not value:
            return [f"{pad}{key}: []"]
        if key in ("de_trong", "authority") and all(isinstance(v, str) for v in value):
            return [f"{pad}{key}: [{', '.join(value)}]"]
        return [f"{pad}{key}:", *_items(value, indent + 2, quote_all)]
    return _scalar_lines(f"{pad}{key}:", value, indent, quote_all)


def _items(values: Iterable[Any], indent: int, quote_all: bool) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for value in values:
        if isinstance(value, dict) and value:
            inner = [line for k, v in value.items()
                     for line in _field(k, v, indent + 2, quote_all)]
            lines.append(f"{pad}- {inner[0].lstrip()}")
            lines += inner[1:]
        else:
            lines += _scalar_lines(f"{pad}-", value, indent, quote_all)
    return lines


def _scalar_lines(head: str, value: Any, indent: int, quote_all: bool) -> list[str]:
    if isinstance(value, bool | int | float):
        return [f"{head} {json.dumps(value)}"]
    if isinstance(value, datetime):
        return [f"{head} {value:%Y-%m-%d %H:%M}"]
    if isinstance(value, date):
        return [f"{head} {value.isoformat()}"]
    text = clean(str(value))
    pad = " " * (indent + 2)
    if quote_all or text != text.strip() or not text:
        return [f"{head} {json.dumps(text, ensure_ascii=False)}"]
    if "\n" in text:
        return [f"{head} |-", *(f"{pad}{line}".rstrip() if line.strip() else ""
                                for line in text.split("\n"))]
    if len(text) > FOLD_OVER and "  " not in text:
        wrapped = textwrap.wrap(text, max(40, WIDTH - len(pad)), break_long_words=False,
                                break_on_hyphens=False)
        return [f"{head} >-", *(f"{pad}{line}" for line in wrapped)]
    return [f"{head} {scalar(text)}"]


def scalar(text: str) -> str:
    """``text`` as a one-line YAML value: plain when YAML reads it back as this very text,
    else double-quoted."""
    if _PLAIN.match(text) and not _NOT_TEXT.match(text) and text == text.strip() \
            and ": " not in text and " #" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


def _loads_as_written(text: str, plan: dict[str, Any]) -> bool:
    """``text`` reads back, with plangen's own YAML reader, as ``plan``."""
    try:
        data = read_yaml(text).data
    except (YamlRejected, ValueError):
        return False
    return bool(data == _as_read(plan))


def _as_read(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _as_read(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_read(v) for v in value]
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return clean(value)
    return value
