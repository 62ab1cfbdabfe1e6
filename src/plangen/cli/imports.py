"""``plangen import DOC.docx``: a plan file from last year's Word file, the corrections it
made, and how much of the document's text the plan gives back."""

from __future__ import annotations

import argparse
import io
import re
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from plangen.cli.common import EXIT_INVALID, EXIT_OK, refuse_overwrite, write_file
from plangen.errors import PlanError, UserError
from plangen.messages import Lang, message

if TYPE_CHECKING:
    from plangen.cli.common import Commands

DRAWN = (b"<w:drawing", b"<w:pict")  # a picture or shape, in Word's and in VML's form


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
    """Read, repair, write; then validate and build the plan to measure what came back."""
    from plangen.check.read.package import DocxUnreadable, read_docx, read_texts
    from plangen.importdoc.read import read_plan_parts
    from plangen.importdoc.write import plan_yaml

    target = args.output or args.docx.with_suffix(".yaml")
    refuse_overwrite(target, args.force, lang)
    try:
        data = args.docx.read_bytes()
        doc = read_docx(data)
    except (OSError, DocxUnreadable):
        raise UserError([message("import_unreadable", lang, path=args.docx)]) from None
    drawings, footnotes = _drawings(data)
    imported = read_plan_parts(doc, drawings, footnotes)
    write_file(target, plan_yaml(imported, args.docx.name).encode("utf-8"), lang)
    print(message("wrote", lang, path=target))
    for fix in imported.corrections:
        print(message("import_fixed", lang, where=fix.where, text=fix.text), file=sys.stderr)
    for where, text in imported.review:
        print(message("import_review", lang, where=where, text=text), file=sys.stderr)
    for skipped in imported.skipped:
        print(message("import_skipped", lang, what=skipped), file=sys.stderr)
    share = _coverage(target, read_texts(data).paragraphs, lang)
    if share is None:
        return EXIT_INVALID
    print(message("import_coverage", lang, share=f"{share:.2f}"))
    return EXIT_OK


def _drawings(data: bytes) -> tuple[int, int]:
    """How many pictures or shapes, and how many footnotes, the document has: neither is
    imported, and both are said so."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("word/document.xml")
        notes = (package.read("word/footnotes.xml") if "word/footnotes.xml"
                 in package.namelist() else b"")
    footnotes = len(re.findall(rb'<w:footnote\b(?![^>]*w:type=)', notes))
    return sum(xml.count(tag) for tag in DRAWN), footnotes


def _coverage(plan_file: Path, original: tuple[str, ...], lang: Lang) -> float | None:
    """Build the written plan (as a draft when it has no signer's name) and compare its
    documents' words with the original's; None, with the problems printed, when the plan
    does not build."""
    from plangen.check.read.package import read_texts
    from plangen.cli.common import error_lines
    from plangen.importdoc.coverage import coverage
    from plangen.pipeline.run import build_plan
    from plangen.plan.datafiles import load_bundle

    try:
        bundle = load_bundle(plan_file, lang)
        with tempfile.TemporaryDirectory(prefix="plangen-import-") as work:
            out = Path(work) / "out"
            signer = bundle.plan.signer
            build_plan(bundle, out, draft=signer is None or not signer.name, lang=lang)
            rebuilt = [t for f in sorted(out.glob("*.docx"))
                       for t in read_texts(f.read_bytes()).paragraphs]
    except (PlanError, UserError) as failed:
        for line in error_lines(failed, lang):
            print(line, file=sys.stderr)
        return None
    return coverage(original, rebuilt)
