"""``plangen import DOC``: a plan file from last year's Word file (.docx, or .doc, .odt,
.rtf through LibreOffice), the corrections it made, what is left to fill, and how much
of the document's text the plan gives back.

Exit 0 only when the plan written builds (as a draft at least) and gives back at least
:data:`ENOUGH` of the document's 6-word runs; otherwise 1, the plan still written for
review, with what is missing said.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from plangen.cli.common import EXIT_INVALID, EXIT_OK, refuse_overwrite, write_file
from plangen.errors import PlanError, UserError
from plangen.messages import Lang, message

if TYPE_CHECKING:
    from plangen.cli.common import Commands
    from plangen.importdoc.coverage import Line

ENOUGH = 0.80
"""The share of the source's 6-word runs a good import gives back."""


def add_parser(commands: Commands, common: argparse.ArgumentParser,
               ) -> argparse.ArgumentParser:
    command = commands.add_parser("import", parents=[common],
                                  help="a plan file from an existing Word document")
    command.add_argument("docx", type=Path, metavar="DOC.docx")
    command.add_argument("-o", "--output", type=Path, metavar="PLAN.yaml",
                         help="the plan file to write (default: DOC.yaml beside DOC.docx)")
    command.add_argument("--force", action="store_true", help="overwrite the plan file")
    return command


def run(args: argparse.Namespace, lang: Lang) -> int:
    """Open, read, repair, write; then build the plan to measure what came back."""
    from plangen.check.read.package import DocxUnreadable, read_docx
    from plangen.importdoc.coverage import lines_of
    from plangen.importdoc.read import read_plan_parts
    from plangen.importdoc.source import MAX_PARAGRAPHS, drawings, footnote_texts, open_source
    from plangen.importdoc.write import plan_yaml
    from plangen.plan.yamlread import MAX_FILE_BYTES

    target = args.output or args.docx.with_suffix(".yaml")
    refuse_overwrite(target, args.force, lang)
    opened = open_source(args.docx, lang)
    try:
        doc = read_docx(opened.data)
        notes = footnote_texts(opened.data)
    except (DocxUnreadable, ValueError):
        raise UserError([message("import_unreadable", lang, path=args.docx)]) from None
    if len(doc.paragraphs) > MAX_PARAGRAPHS:
        raise UserError([message("import_too_large", lang, path=args.docx,
                                 what=message("import_paragraphs", lang,
                                              count=len(doc.paragraphs)),
                                 limit=message("import_paragraphs", lang,
                                               count=MAX_PARAGRAPHS))])
    imported = read_plan_parts(doc, drawings(opened.data), notes)
    if imported.collection:
        raise UserError([message("import_collection", lang, path=args.docx,
                                 count=imported.collection)])
    text = plan_yaml(imported, args.docx.name)
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise UserError([message("import_too_large", lang, path=target,
                                 what=f"{len(text.encode('utf-8')):,} byte".replace(",", "."),
                                 limit=f"{MAX_FILE_BYTES:,}".replace(",", "."))])
    write_file(target, text.encode("utf-8"), lang)
    print(message("wrote", lang, path=target))
    _schema_beside(target, lang)
    if opened.made_from != "docx":
        print(message("import_converted", lang, what=opened.made_from), file=sys.stderr)
    for fix in imported.corrections:
        print(message("import_fixed", lang, where=fix.where, text=fix.text), file=sys.stderr)
    for where, note in imported.review:
        print(message("import_review", lang, where=where, text=note), file=sys.stderr)
    for skipped in imported.skipped:
        print(message("import_skipped", lang, what=skipped), file=sys.stderr)
    built = _rebuilt(target, lang)
    if built is None:
        print(message("import_not_built", lang, path=target), file=sys.stderr)
        return EXIT_INVALID
    rebuilt, as_draft = built
    from plangen.importdoc.coverage import coverage

    share = coverage(lines_of(doc.paragraphs), rebuilt, imported.unplaced, imported.rewritten)
    print(message("import_coverage", lang, share=f"{share:.2f}"))
    if as_draft:
        print(message("import_draft_only", lang, path=target))
    if share < ENOUGH:
        print(message("import_low_coverage", lang, share=f"{share:.2f}", enough=f"{ENOUGH:.2f}",
                      unplaced=len(imported.unplaced)), file=sys.stderr)
        return EXIT_INVALID
    return EXIT_OK


def _schema_beside(target: Path, lang: Lang) -> None:
    """The JSON Schema the plan's first line names, written beside it when missing (an
    editor then completes its keys)."""
    from plangen.plan.schema import SCHEMA_FILE, plan_schema

    schema_file = target.parent / SCHEMA_FILE
    if not schema_file.exists():
        write_file(schema_file, (plan_schema() + "\n").encode("utf-8"), lang)
        print(message("wrote", lang, path=schema_file))


def _rebuilt(plan_file: Path, lang: Lang) -> tuple[list[Line], bool] | None:
    """The lines of the documents the written plan builds, and whether only a draft
    builds; None, with the problems printed, when not even a draft does."""
    from plangen.check.read.package import read_docx
    from plangen.importdoc.coverage import lines_of
    from plangen.pipeline.run import build_plan
    from plangen.plan.datafiles import load_bundle

    problems: list[str] = []
    for draft in (False, True):
        try:
            # As plangen build loads it: a final build needs what a draft may leave to fill.
            bundle = load_bundle(plan_file, lang, final=not draft)
            with tempfile.TemporaryDirectory(prefix="plangen-import-") as work:
                out = Path(work) / "out"
                build_plan(bundle, out, draft=draft, lang=lang)
                lines = [line for f in sorted(out.glob("*.docx"))
                         for line in lines_of(read_docx(f.read_bytes()).paragraphs)]
            return lines, draft
        except (PlanError, UserError) as failed:
            problems = list(failed.lines)
    for line in problems:
        print(line, file=sys.stderr)
    return None
