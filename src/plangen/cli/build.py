"""``plangen build``: every document of the plans, through the gate, into DIR/<plan>/."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from plangen.cli.common import EXIT_INVALID, EXIT_OK, error_lines, gate_problems, load_all
from plangen.errors import PlanError, Problem, UserError
from plangen.kinds import kind_names
from plangen.messages import Lang, message
from plangen.pipeline import forked
from plangen.pipeline.pdf import (
    DEFAULT_PDFA,
    PDFA_PARTS,
    PdfOptions,
    font_files,
    options_from_environment,
    program_or_error,
)
from plangen.pipeline.run import (
    Job,
    Progress,
    add_pdfs,
    check_hand_edits,
    discard,
    prepare,
    write,
)
from plangen.spec import nd30, vn

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
                       help="also convert every document to PDF/A with LibreOffice")
    build.add_argument("--pdfa", type=int, choices=PDFA_PARTS, metavar="1|2|3",
                       help=f"the PDF/A part of the PDFs, implies --pdf (default "
                       f"{DEFAULT_PDFA}: PDF/A-2b; TCVN 14159-1:2024 adopts PDF/A-1)")
    build.add_argument("--only", action="append", choices=kind_names(), metavar="KIND",
                       help=f"build only this kind ({', '.join(kind_names())}); may be repeated")
    build.add_argument("--jobs", type=int, nargs="?", const=os.cpu_count() or 1, metavar="N",
                       help="build the plans in N processes (default: one per core), each "
                       "plan on its own: a bad plan does not stop the others")
    build.add_argument("--templates", type=Path, metavar="DIR",
                       help="folder of the Word templates (default: templates/ beside the "
                       "plan or one folder up, else those installed with plangen)")
    return build


def run(args: argparse.Namespace, lang: Lang) -> int:
    """Every plan is rendered and gated, and no hand-edited file is in the way, before the
    first file is written; with ``--jobs``, each plan on its own, in parallel."""
    if args.jobs is not None and args.jobs < 1:
        raise UserError([message("jobs_positive", lang, value=args.jobs)])
    refuse_shared_folders(args.plans, args.output, lang)
    if args.jobs is not None:
        return _run_in_parallel(args, lang)
    pdf = _pdf_options(args, lang)
    bundles = load_all(args.plans, lang, final=_final(args))
    jobs: list[Job] = []
    refused: list[Problem] = []
    try:
        for bundle in bundles:
            try:
                jobs.append(prepare(bundle, out_dir(args.output, bundle.plan_file),
                                    templates_dir=args.templates, draft=args.draft,
                                    only=args.only, lang=lang,
                                    progress=progress_line(bundle.plan_file),
                                    workers=forked.default_workers()))
            except UserError as failed:  # the other plans are still gated, then told
                refused += gate_problems(bundle.plan_file, failed)
        if refused:
            raise PlanError(refused)
        if pdf is not None:
            add_pdfs(jobs, pdf, lang)
        for job in jobs:
            check_hand_edits(job, args.force, lang)
    except BaseException:
        for job in reversed(jobs):
            discard(job)
        raise
    for job in jobs:
        _write(job, args, lang)
    return EXIT_OK


def _run_in_parallel(args: argparse.Namespace, lang: Lang) -> int:
    """Each plan in a process of its own, all or nothing for each plan; the output of
    each is printed whole, in the order of the command line."""
    from concurrent.futures import ProcessPoolExecutor  # only here: 15 ms of every start-up

    workers = max(1, min(args.jobs, len(args.plans)))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        done = list(pool.map(_build_alone, [(plan, args) for plan in args.plans]))
    for out, err, _code in done:
        for line in out:
            print(line)
        for line in err:
            print(line, file=sys.stderr)
    return max(code for _out, _err, code in done)


def _build_alone(task: tuple[Path, argparse.Namespace]) -> tuple[list[str], list[str], int]:
    """Build one plan as ``plangen build PLAN`` would; its output lines and exit code."""
    plan, args = task
    lang = args.lang
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            pdf = _pdf_options(args, lang)
            bundle = load_all([plan], lang, final=_final(args))[0]
            try:
                job = prepare(bundle, out_dir(args.output, plan), templates_dir=args.templates,
                              draft=args.draft, only=args.only, lang=lang)
            except UserError as failed:
                raise PlanError(gate_problems(plan, failed)) from None
            try:
                if pdf is not None:
                    add_pdfs([job], pdf, lang)
                check_hand_edits(job, args.force, lang)
            except BaseException:
                discard(job)
                raise
            _write(job, args, lang)
        except UserError as failed:
            return out.getvalue().splitlines(), error_lines(failed, lang), EXIT_INVALID
    return out.getvalue().splitlines(), [], EXIT_OK


def _final(args: argparse.Namespace) -> bool:
    """Whether the plan's own check includes what a final build needs of every document:
    not for a draft, nor for ``--only`` (the gate judges the documents built)."""
    return not args.draft and args.only is None


PROGRESS_AFTER_SECONDS = 2.0
PROGRESS_AFTER_DOCUMENTS = 50


def progress_line(plan_file: Path) -> Progress | None:
    """A line on stderr that counts the documents of a long build, rewritten in place; none
    when stderr is not a terminal (CI logs stay clean)."""
    if not sys.stderr.isatty():
        return None
    start = time.monotonic()
    shown = [0.0]

    def show(done: int) -> None:
        if done < 0:  # finished: clear the line if one was shown
            if shown[0]:
                print("\r\033[K", end="", file=sys.stderr, flush=True)
            return
        now = time.monotonic()
        if (now - start < PROGRESS_AFTER_SECONDS and done < PROGRESS_AFTER_DOCUMENTS) \
                or now - shown[0] < 0.2:
            return
        shown[0] = now
        print(f"\r{plan_file.name}: {done} …", end="", file=sys.stderr, flush=True)

    return show


def out_dir(output: Path, plan_file: Path) -> Path:
    """The folder of one plan's documents: DIR/<plan file's name>/."""
    return output / vn.safe_file_name(plan_file.stem)


def refuse_shared_folders(plans: Sequence[Path], output: Path, lang: Lang) -> None:
    """Two plans whose names give the same folder would overwrite each other."""
    first: dict[Path, Path] = {}
    for plan in plans:
        folder = out_dir(output, plan)
        if folder in first:
            raise UserError([message("same_folder", lang, first=first[folder], second=plan,
                                     folder=folder)])
        first[folder] = plan


def _pdf_options(args: argparse.Namespace, lang: Lang) -> PdfOptions | None:
    """What ``--pdf`` asks for (None without it), checked before any document is made: no
    LibreOffice, a ``PLANGEN_SOFFICE`` or ``PLANGEN_FONTS`` naming nothing, or a wrong
    ``SOURCE_DATE_EPOCH`` is said at once. ``--pdfa N`` alone asks for PDFs too."""
    if not args.pdf and args.pdfa is None:
        return None
    program_or_error(lang)
    font_files(lang)
    return options_from_environment(args.pdfa or DEFAULT_PDFA, lang)


def _write(job: Job, args: argparse.Namespace, lang: Lang) -> None:
    try:
        outcome = write(job, force=args.force, lang=lang)
    except OSError as err:
        raise UserError([message("cannot_write", lang, path=err.filename or job.out_dir,
                                 reason=err.strerror or err)]) from None
    for backup in outcome.backups:
        print(message("backup_kept", lang, path=backup))
    for stale in outcome.stale:
        print(message("stale_file", lang, path=stale))
    for written in outcome.written:
        print(message("wrote", lang, path=written))
    if job.pdf_fonts:
        print(message("pdf_made", lang, folder=job.out_dir,
                      level=", PDF/A-".join(job.pdf_levels), fonts=", ".join(job.pdf_fonts)))
        if any(font != nd30.FONT_NAME for font in job.pdf_fonts):
            print(message("pdf_font_substitute", lang, fonts=", ".join(
                font for font in job.pdf_fonts if font != nd30.FONT_NAME)))
