"""``plangen build``: every document of the plans, through the gate, into DIR/<plan>/."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from plangen.build.pipeline import Job, check_hand_edits, discard, prepare, write
from plangen.cli.common import EXIT_OK, load_all
from plangen.errors import UserError
from plangen.kinds import kind_names
from plangen.messages import Lang, message
from plangen.spec import vn

if TYPE_CHECKING:
    from plangen.cli.common import Commands


def add_parser(commands: Commands, common: argparse.ArgumentParser,
               ) -> argparse.ArgumentParser:
    build = commands.add_parser("build", parents=[common],
                                help="build the documents of plan files")
    build.add_argument("plans", nargs="+", type=Path, metavar="PLAN")
    build.add_argument("-o", "--output", type=Path, default=Path("output"), metavar="DIR",
                       help="folder for the documents; each plan gets DIR/<plan name>/")
    build.add_argument("--draft", action="store_true",
                       help='a draft: marked "DỰ THẢO", may leave number, date and signer blank')
    build.add_argument("--force", action="store_true",
                       help="overwrite files edited by hand, keeping them as backups")
    build.add_argument("--pdf", action="store_true",
                       help="also convert every document to PDF with LibreOffice")
    build.add_argument("--only", action="append", choices=kind_names(), metavar="KIND",
                       help=f"build only this kind ({', '.join(kind_names())}); may be repeated")
    build.add_argument("--templates", type=Path, metavar="DIR",
                       help="folder of the Word templates (default: templates/ beside the "
                       "plan or one folder up, else those installed with plangen)")
    return build


def run(args: argparse.Namespace, lang: Lang) -> int:
    """Every plan is rendered and gated, and no hand-edited file is in the way, before the
    first file is written."""
    bundles = load_all(args.plans, lang)
    _refuse_shared_folders(args.plans, args.output, lang)
    jobs: list[Job] = []
    try:
        for bundle in bundles:
            jobs.append(prepare(bundle, out_dir(args.output, bundle.plan_file),
                                templates_dir=args.templates, draft=args.draft,
                                only=args.only, lang=lang))
        for job in jobs:
            check_hand_edits(job, args.force, lang)
    except BaseException:
        for job in reversed(jobs):
            discard(job)
        raise
    for job in jobs:
        _write(job, args, lang)
    return EXIT_OK


def out_dir(output: Path, plan_file: Path) -> Path:
    """The folder of one plan's documents: DIR/<plan file's name>/."""
    return output / vn.safe_file_name(plan_file.stem)


def _refuse_shared_folders(plans: Sequence[Path], output: Path, lang: Lang) -> None:
    """Two plans whose names give the same folder would overwrite each other."""
    first: dict[Path, Path] = {}
    for plan in plans:
        folder = out_dir(output, plan)
        if folder in first:
            raise UserError([message("same_folder", lang, first=first[folder], second=plan,
                                     folder=folder)])
        first[folder] = plan


def _write(job: Job, args: argparse.Namespace, lang: Lang) -> None:
    try:
        outcome = write(job, force=args.force, pdf=args.pdf, lang=lang)
    except OSError as err:
        raise UserError([message("cannot_write", lang, path=err.filename or job.out_dir,
                                 reason=err.strerror or err)]) from None
    for backup in outcome.backups:
        print(message("backup_kept", lang, path=backup))
    for stale in outcome.stale:
        print(message("stale_file", lang, path=stale))
    for written in outcome.written:
        print(message("wrote", lang, path=written))
