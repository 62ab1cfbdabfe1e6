"""``plangen check``: run the checker on files and turn the outcome into an exit code."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from plangen.check import DocxUnreadable, Report, check_docx
from plangen.check.report import as_json, text_lines
from plangen.messages import Lang, message

if TYPE_CHECKING:
    from plangen.cli.common import Commands


def add_parser(commands: Commands, common: argparse.ArgumentParser,
               ) -> argparse.ArgumentParser:
    check = commands.add_parser("check", parents=[common],
                                help="check DOCX files against the rules of Nghị định 30")
    check.add_argument("files", nargs="+", type=Path, metavar="FILE.docx")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--strict", action="store_true", help="warnings fail too")
    return check


def run(args: argparse.Namespace, lang: Lang) -> int:
    return run_check(args.files, args.format, args.strict, lang)


def run_check(files: Sequence[Path], output: str, strict: bool, lang: Lang) -> int:
    """Check ``files``; 0 when clean, 1 on errors (or warnings when ``strict``) or an
    unreadable file."""
    reports: list[Report] = []
    unreadable: dict[str, str] = {}
    for path in files:
        if not path.is_file():
            unreadable[str(path)] = message("file_missing", lang)
            continue
        try:
            reports.append(check_docx(path))
        except DocxUnreadable as err:
            unreadable[str(path)] = message(f"docx_{err}", lang)
        except OSError as err:
            unreadable[str(path)] = message("unreadable", lang, reason=err.strerror or str(err))
    if output == "json":
        print(as_json(reports, unreadable, lang))
    else:
        for report in reports:
            for line in text_lines(report, lang):
                print(line)
        for name, reason in unreadable.items():
            print(f"{name}: {reason}", file=sys.stderr)
    failed = any(r.count("error") or (strict and r.count("warning")) for r in reports)
    return 1 if failed or unreadable else 0
