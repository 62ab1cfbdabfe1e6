"""The NĐ30 checker: reads any DOCX and reports what breaks the decree's rules.

It imports neither the plan model nor the renderers, so it judges hand-typed files the
same way as plangen's own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from plangen.check.read.layout import find_layout
from plangen.check.read.package import DocxUnreadable, read_docx
from plangen.check.rules import CHECKS, Finding, NotChecked
from plangen.check.rules.catalog import BY_CODE, RULES

__all__ = ["DocxUnreadable", "Finding", "NotChecked", "Report", "check_docx"]

# A Phụ lục or attached form in its own file (Mẫu 2.1/2.2) starts with "Phụ lục …" or
# "(Kèm theo …)": the rules of the document's own header, body and signer do not apply.
ATTACHMENT_SKIPS = frozenset({"C09", "C10", "C14", "C15", "C16", "C17", "C18", "C19", "C20",
                              "C21", "C22", "C23", "C24", "C25", "C26", "C27", "C28", "C29",
                              "C30", "C31", "C32", "C33", "C34", "C35", "C36", "C37", "C38",
                              "C39", "C46", "C47"})


@dataclass
class Report:
    """The findings of one file, and the rules it did not let the checker decide."""

    path: Path
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
    layout = find_layout(read_docx(data if data is not None else path))
    report = Report(path)
    for info in RULES:
        if layout.attachment and info.code in ATTACHMENT_SKIPS:
            report.not_checked.append(NotChecked(
                info.code, "tệp kèm theo (phụ lục, biểu mẫu): không có phần đầu, nội dung "
                "và chữ ký của một văn bản", "an attachment (Phụ lục, form): it has no "
                "header, body or signer of its own"))
            continue
        for result in CHECKS[info.code](layout):
            if isinstance(result, Finding):
                report.findings.append(result)
            else:
                report.not_checked.append(result)
    return report
