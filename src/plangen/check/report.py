"""Reports of the checker as text for people and JSON for machines."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from plangen.check import Report
from plangen.check.rules.catalog import BY_CODE
from plangen.messages import Lang, message


def text_lines(report: Report, lang: Lang) -> list[str]:
    """One line per finding, per rule not checked, and a summary line."""
    lines = []
    for f in report.findings:
        info = BY_CODE[f.code]
        severity = message(f"severity_{info.severity}", lang)
        where = f"{f.where} «{f.excerpt}»" if f.excerpt else f.where
        text = f.vi if lang == "vi" else f.en
        ref = info.ref if info.ref.startswith("[") else f"[{info.ref}]"
        lines.append(f"{report.path}: {f.code} {severity} {ref} {where}: {text}")
    for n in report.not_checked:
        reason = n.vi if lang == "vi" else n.en
        lines.append(f"{report.path}: {n.code} {message('not_checked', lang)}: {reason}")
    lines.append(f"{report.path}: " + message(
        "check_summary", lang, errors=report.count("error"), warnings=report.count("warning"),
        unchecked=len({n.code for n in report.not_checked})))
    return lines


def as_json(reports: Sequence[Report], unreadable: dict[str, str], lang: Lang) -> str:
    """All reports as one JSON document."""
    files: list[dict[str, Any]] = []
    for report in reports:
        files.append({
            "path": str(report.path),
            "errors": report.count("error"),
            "warnings": report.count("warning"),
            "findings": [{
                "code": f.code, "severity": BY_CODE[f.code].severity, "ref": BY_CODE[f.code].ref,
                "where": f.where, "excerpt": f.excerpt, "message": f.vi if lang == "vi" else f.en,
            } for f in report.findings],
            "not_checked": [{"code": n.code, "reason": n.vi if lang == "vi" else n.en}
                            for n in report.not_checked],
        })
    files += [{"path": path, "unreadable": reason} for path, reason in unreadable.items()]
    return json.dumps({"files": files}, ensure_ascii=False, indent=2)
