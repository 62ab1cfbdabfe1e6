"""The signed-ready gate: what must hold before a document may be written for signing.

Why: a văn thư signs what plangen writes, so a file with a leftover template tag, a
"None", a comment, a missing signer or an NĐ30 error must never reach output/ as if it
were final. A draft (``--draft``) is marked "DỰ THẢO", every one of its files, and may
have blanks. The gate reads the finished bytes as the checker does, and judges each file
by what its kind declares: read as the layout it must have, signed where it has a signer.

Files filled from one template (a Sở's thousands of forms) share the template's layout:
the first is checked in full, each other one for what its data can change (leftover tags,
"None", control characters, properties, the draft mark), so the gate's cost per form is
small and does not grow with the number of forms.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from plangen.check import check_document
from plangen.check.read.package import DocxUnreadable, Texts, read_docx, read_texts
from plangen.check.rules.catalog import BY_CODE
from plangen.kinds import Rendered
from plangen.messages import Lang, message
from plangen.spec import fill
from plangen.spec.nd30 import DRAFT_MARK_TEXT

# "nan" and "null" are not listed: "nan giải" is Vietnamese.
LEFTOVER = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}|\bNone\b|\bTODO\b|\[\[|\]\]")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
REQUIRED_PROPERTIES = ("title", "subject", "creator")
"""Properties every file has; its creation date is its own date of issue, when it has one
(``_own_date``)."""
DRAFT_MARK_WITHIN = 3  # the mark is among the first paragraphs of page 1
# plangen's tables repeat one prepared row (render/docx/tables.py): the NĐ30 rules read the
# title row and two rows in full, every other row is read for its words only.
TABLE_ROWS_READ = 3
LAYOUT_NAMES = {"document": {"vi": "một văn bản", "en": "a document"},
                "attachment": {"vi": "một phụ lục", "en": "an attachment"}}


def gate_reasons(rendered: Rendered, data: bytes, draft: bool, lang: Lang,
                 full: bool = True) -> list[str]:
    """Why the document ``data`` is not ready for signing (empty when it is); without
    ``full``, only what the data of a form filled from a checked template can change."""
    file_name = rendered.file_name
    try:
        if not full:
            read = read_texts(data)
            return _named(file_name, _text_reasons(read, draft, lang)
                          + _own_date(rendered, read.core, lang), lang)
        doc = read_docx(data, rows_per_table=TABLE_ROWS_READ)
    except DocxUnreadable:  # a template's tags wrote XML Word could not open
        return _named(file_name, [message("gate_broken", lang)], lang)
    every = list(doc.paragraphs) + [p for s in doc.sections for part in (s.headers, s.footers)
                                    for ps in part.values() for p in ps]
    texts = [p.text for p in every] + [text for text, _where in doc.skimmed]
    reasons = _text_reasons(Texts(tuple(texts), doc.core, doc.has_comments,
                                  doc.has_tracked_changes), draft, lang,
                            [p.where for p in every] + [where for _text, where in doc.skimmed])
    reasons += _own_date(rendered, doc.core, lang)
    if not draft:
        reasons += _blanks(rendered, lang)
    # A blank signer is reported above (or allowed in a draft), not again as C47.
    skip = {"C47"} if draft or (rendered.signed and not rendered.signer) else set()
    skip.add("C48")  # values to fill: a draft may keep them, gate_to_fill refuses them above
    report = check_document(Path(file_name), doc)
    if report.family != rendered.checked_as:
        reasons.append(message("gate_layout", lang, kind=rendered.kind,
                               found=LAYOUT_NAMES[report.family][lang],
                               expected=LAYOUT_NAMES[rendered.checked_as][lang]))
    # A draft's values still to fill (<<cần điền: …>>) are no NĐ30 mistake of its own.
    reasons += [message("gate_nd30", lang, code=f.code, text=f.vi if lang == "vi" else f.en)
                for f in report.findings
                if BY_CODE[f.code].severity == "error" and f.code not in skip
                and not (draft and fill.OPEN in f.excerpt)]
    return _named(file_name, reasons, lang)


def _named(file_name: str, reasons: list[str], lang: Lang) -> list[str]:
    return [message("gate", lang, file=file_name, reason=r) for r in reasons]


def _text_reasons(texts: Texts, draft: bool, lang: Lang,
                  where: Sequence[str] | None = None) -> list[str]:
    reasons = []
    joined = "\n".join(texts.paragraphs)  # most files have nothing to report: one search
    to_fill = not draft and fill.MARK.search(joined) is not None
    suspect = LEFTOVER.search(joined) is not None or CONTROL.search(joined) is not None
    for i, text in enumerate(texts.paragraphs if suspect or to_fill else ()):
        place = where[i] if where else f"¶{i + 1}"
        for found in dict.fromkeys(m.group() for m in LEFTOVER.finditer(text)):
            reasons.append(message("gate_leftover", lang, text=found, where=place))
        if to_fill:  # a value still to fill in: a draft may have it, a signed copy not
            for found in dict.fromkeys(m.group() for m in fill.MARK.finditer(text)):
                reasons.append(message("gate_to_fill", lang, text=found, where=place))
        control = CONTROL.search(text)
        if control is not None:
            reasons.append(message("gate_leftover", lang, text=f"U+{ord(control.group()):04X}",
                                   where=place))
    if draft and DRAFT_MARK_TEXT not in (t.strip() for t in texts.paragraphs[:DRAFT_MARK_WITHIN]):
        reasons.append(message("gate_unmarked_draft", lang))
    if texts.has_comments:
        reasons.append(message("gate_comments", lang))
    if texts.has_tracked_changes:
        reasons.append(message("gate_tracked", lang))
    reasons += [message("gate_property", lang, name=name)
                for name in REQUIRED_PROPERTIES if not texts.core.get(name)]
    return reasons


def _blanks(rendered: Rendered, lang: Lang) -> list[str]:
    reasons = []
    if rendered.signed and not rendered.signer:
        reasons.append(message("gate_signer", lang))
    for name in sorted(rendered.blanks - rendered.allowed_blanks):
        reasons.append(message("gate_blank", lang, field=name))
    return reasons


def _own_date(rendered: Rendered, core: Mapping[str, str], lang: Lang) -> list[str]:
    """A document's creation date is its date of issue (as its manifest entry records it),
    never another document's: an undated one has none, until the văn thư dates it."""
    if "ngay" not in rendered.meta:
        return []
    day = rendered.meta["ngay"]
    created = core.get("created", "")
    if (day and not created.startswith(day)) or (not day and created):
        return [message("gate_own_date", lang, found=created or "—", day=day or "—")]
    return []
