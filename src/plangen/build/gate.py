"""The signed-ready gate: what must hold before a document may be written for signing.

Why: a văn thư signs what plangen writes, so a file with a leftover template tag, a
"None", a comment, a missing signer or an NĐ30 error must never reach output/ as if it
were final. A draft (``--draft``) is marked "DỰ THẢO", every one of its files, and may
have blanks. The gate reads the finished bytes as the checker does, and judges each file
by what its kind declares: read as the layout it must have, signed where it has a signer.
"""

from __future__ import annotations

import re
from pathlib import Path

from plangen.check import check_docx
from plangen.check.read.package import DocxUnreadable, read_docx
from plangen.check.rules.catalog import BY_CODE
from plangen.kinds import Rendered
from plangen.messages import Lang, message
from plangen.spec.nd30 import DRAFT_MARK_TEXT

# "nan" and "null" are not listed: "nan giải" is Vietnamese.
LEFTOVER = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}|\bNone\b|\bTODO\b|\[\[|\]\]")
REQUIRED_PROPERTIES = ("title", "subject", "creator", "created")
DRAFT_MARK_WITHIN = 3  # the mark is among the first paragraphs of page 1
LAYOUT_NAMES = {"van-ban": {"vi": "một văn bản", "en": "a document"},
                "phu-luc": {"vi": "một phụ lục", "en": "an attachment"}}


def gate_reasons(rendered: Rendered, data: bytes, draft: bool, lang: Lang) -> list[str]:
    """Why the document ``data`` is not ready for signing (empty when it is)."""
    file_name = rendered.file_name
    try:
        reasons = _content(data, draft, lang)
    except DocxUnreadable:  # a template's tags wrote XML Word could not open
        return [message("gate", lang, file=file_name, reason=message("gate_broken", lang))]
    if not draft:
        reasons += _blanks(rendered, lang)
    # A blank signer is reported above (or allowed in a draft), not again as C47.
    skip = {"C47"} if draft or (rendered.signed and not rendered.signer) else set()
    report = check_docx(Path(file_name), data)
    if report.family != rendered.checked_as:
        reasons.append(message("gate_layout", lang, kind=rendered.kind,
                               found=LAYOUT_NAMES[report.family][lang],
                               expected=LAYOUT_NAMES[rendered.checked_as][lang]))
    reasons += [message("gate_nd30", lang, code=f.code, text=f.vi if lang == "vi" else f.en)
                for f in report.findings
                if BY_CODE[f.code].severity == "error" and f.code not in skip]
    return [message("gate", lang, file=file_name, reason=r) for r in reasons]


def _content(data: bytes, draft: bool, lang: Lang) -> list[str]:
    doc = read_docx(data)
    reasons = []
    paragraphs = list(doc.paragraphs) + [p for s in doc.sections
                                         for part in (s.headers, s.footers)
                                         for ps in part.values() for p in ps]
    for p in paragraphs:
        for text in dict.fromkeys(m.group() for m in LEFTOVER.finditer(p.text)):
            reasons.append(message("gate_leftover", lang, text=text, where=p.where))
    if draft and not any(p.text.strip() == DRAFT_MARK_TEXT
                         for p in doc.paragraphs[:DRAFT_MARK_WITHIN]):
        reasons.append(message("gate_unmarked_draft", lang))
    if doc.has_comments:
        reasons.append(message("gate_comments", lang))
    if doc.has_tracked_changes:
        reasons.append(message("gate_tracked", lang))
    reasons += [message("gate_property", lang, name=name)
                for name in REQUIRED_PROPERTIES if not doc.core.get(name)]
    return reasons


def _blanks(rendered: Rendered, lang: Lang) -> list[str]:
    reasons = []
    if rendered.signed and not rendered.signer:
        reasons.append(message("gate_signer", lang))
    for name in sorted(rendered.blanks - rendered.allowed_blanks):
        reasons.append(message("gate_blank", lang, field=name))
    return reasons
