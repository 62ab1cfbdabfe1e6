"""The NĐ30 checker: reads any DOCX and reports what breaks the decree's rules.

It imports neither the plan model nor the renderers, so it judges hand-typed files the
same way as plangen's own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from plangen.check.read.facts import Document
from plangen.check.read.layout import Family, find_layout
from plangen.check.read.package import DocxUnreadable, read_docx
from plangen.check.rules import CHECKS, Finding, NotChecked
from plangen.check.rules.catalog import BY_CODE, LEGAL_LEFT_OUT, RULES

__all__ = ["DocxUnreadable", "Finding", "NotChecked", "Report", "check_document", "check_docx"]

@dataclass
class Report:
    """The findings of one file, and the rules it did not let the checker decide."""

    path: Path
    family: Family = "document"
    findings: list[Finding] = field(default_factory=list)
    not_checked: list[NotChecked] = field(default_factory=list)

    def count(self, severity: str) -> int:
        """How many findings of ``severity`` ("error" or "warning")."""
        return sum(BY_CODE[f.code].severity == severity for f in self.findings)


def check_docx(path: Path, data: bytes | None = None) -> Report:
    """Run every rule of the catalog on the DOCX at ``path`` (or on ``data``, its bytes,
    before it is written there).

    Raises :class:`DocxUnreadable` when the file is not a DOCX that can be read.
    """
    return check_document(path, read_docx(data if data is not None else path))


def check_document(path: Path, doc: Document) -> Report:
    """Run every rule of the catalog on ``doc``, already read (the file at ``path``)."""
    layout = find_layout(doc)
    report = Report(path, layout.family)
    for info in RULES:
        if layout.family not in info.families:
            report.not_checked.append(NotChecked(
                info.code, "tệp kèm theo (phụ lục, biểu mẫu): không có phần đầu, nội dung "
                "và chữ ký của một văn bản", "an attachment (Phụ lục, form): it has no "
                "header, body or signer of its own"))
            continue
        if layout.legal is not None and info.code in LEGAL_LEFT_OUT:
            vi, en = LEGAL_LEFT_OUT[info.code]
            report.not_checked.append(NotChecked(
                info.code, f"{layout.legal} là văn bản quy phạm pháp luật, Nghị định 30 không "
                f"quy định thể thức: {vi}", f"a {layout.legal} is a legal normative document, "
                f"whose format Nghị định 30 does not govern: {en}"))
            continue
        for result in CHECKS[info.code](layout):
            if isinstance(result, Finding):
                report.findings.append(result)
            else:
                report.not_checked.append(result)
    return report
