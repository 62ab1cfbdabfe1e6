"""The ``plangen`` command: the only place where errors become exit codes.

Exit codes: 0 done, 1 invalid input (a message per problem, no traceback), 2 usage error.
Messages are Vietnamese unless ``--lang en`` is given.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import cast

from plangen import __version__
from plangen.build.pipeline import Job, check_hand_edits, default_templates, prepare, write
from plangen.build.save import write_atomic
from plangen.check.table import markdown_table
from plangen.cli.check import run_check
from plangen.errors import PlanError, Problem, UserError
from plangen.kinds import compile_all, kind_names
from plangen.messages import LANGS, Lang, message
from plangen.plan.datafiles import Bundle, load_bundle
from plangen.plan.load import load_plan_text
from plangen.plan.newyear import Shift, new_plan, shift_for_start
from plangen.plan.schema import SCHEMA_FILE, plan_schema, starter_plan
from plangen.spec import vn

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=LANGS, default="vi",
                        help="language of messages (vi, en); default vi")
    parser = argparse.ArgumentParser(
        prog="plangen", parents=[common],
        description="Văn bản hành chính theo Nghị định 30/2020/NĐ-CP từ một tệp kế hoạch YAML.")
    parser.add_argument("--version", action="version", version=f"plangen {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
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
    lint = commands.add_parser("templates", parents=[common],
                               help="check the Word templates against a plan's data")
    lint.add_argument("plans", nargs="+", type=Path, metavar="PLAN")
    lint.add_argument("--templates", type=Path, metavar="DIR")
    validate = commands.add_parser("validate", parents=[common],
                                   help="check plan files without writing anything")
    validate.add_argument("plans", nargs="+", type=Path, metavar="PLAN")
    check = commands.add_parser("check", parents=[common],
                                help="check DOCX files against the rules of Nghị định 30")
    check.add_argument("files", nargs="+", type=Path, metavar="FILE.docx")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--strict", action="store_true", help="warnings fail too")
    commands.add_parser("rules", parents=[common], help="print the checker's rules table")
    new = commands.add_parser("new", parents=[common],
                              help="next campaign's plan: a copy with every date moved")
    new.add_argument("old", type=Path, metavar="OLD.yaml")
    new.add_argument("new", type=Path, metavar="NEW.yaml")
    how = new.add_mutually_exclusive_group(required=True)
    how.add_argument("--shift-years", type=int, metavar="N", help="move every date N years")
    how.add_argument("--start", type=date.fromisoformat, metavar="YYYY-MM-DD",
                     help="move every date so that the campaign starts on this day")
    new.add_argument("--force", action="store_true", help="overwrite NEW.yaml")
    commands.add_parser("schema", parents=[common],
                        help="print the JSON Schema of plan files (for editors)")
    init = commands.add_parser("init", parents=[common], help="write a commented starter plan")
    init.add_argument("file", type=Path, nargs="?", default=Path("ke-hoach.yaml"))
    init.add_argument("--force", action="store_true", help="overwrite the file")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``plangen`` with ``argv`` (default: the process arguments); returns the exit code."""
    args = _parser().parse_args(argv)
    lang = cast(Lang, args.lang)
    if args.command == "check":
        return run_check(args.files, args.format, args.strict, lang)
    if args.command == "rules":
        print(markdown_table())
        return EXIT_OK
    if args.command == "schema":
        print(plan_schema())
        return EXIT_OK
    try:
        if args.command in ("new", "init"):
            return _new(args, lang) if args.command == "new" else _init(args, lang)
        bundles = _load_all(args.plans, lang)
        if args.command == "validate":
            for path in args.plans:
                print(message("valid", lang, path=path))
            return EXIT_OK
        if args.command == "templates":
            for bundle in bundles:
                folder = args.templates or default_templates(bundle.plan_file)
                compile_all(bundle.plan, folder, lang)
                print(message("templates_ok", lang, path=folder))
            return EXIT_OK
        # Every plan is rendered and gated, and no hand-edited file is in the way, before
        # the first file is written.
        _refuse_shared_folders(args.plans, args.output, lang)
        jobs = [_prepare(bundle, args, lang) for bundle in bundles]
        for job in jobs:
            check_hand_edits(job, args.force, lang)
        for job in jobs:
            _write(job, args, lang)
        return EXIT_OK
    except PlanError as err:
        for line in err.lines:
            print(line, file=sys.stderr)
        print(message("problems_found", lang, count=len(err.problems)), file=sys.stderr)
        return EXIT_INVALID
    except UserError as err:
        for line in err.lines:
            print(line, file=sys.stderr)
        return EXIT_INVALID


def _load_all(paths: Sequence[Path], lang: Lang) -> list[Bundle]:
    """Every plan and its data files validated before anything is written: one bad file
    stops the whole run."""
    plans: list[Bundle] = []
    problems: list[Problem] = []
    for path in paths:
        if not path.is_file():
            problems.append(Problem(str(path), 0, 0, "", message("file_missing", lang)))
            continue
        try:
            plans.append(load_bundle(path, lang))
        except PlanError as err:
            problems += err.problems
    if problems:
        raise PlanError(problems)
    return plans


def _write_file(path: Path, data: bytes, lang: Lang) -> None:
    try:
        write_atomic(path, data)
    except OSError as err:
        raise UserError([message("cannot_write", lang, path=path,
                                 reason=err.strerror or err)]) from None


def _refuse_overwrite(path: Path, force: bool, lang: Lang) -> None:
    if path.exists() and not force:
        raise UserError([message("file_exists", lang, path=path)])


def _new(args: argparse.Namespace, lang: Lang) -> int:
    """``plangen new``: validate the moved plan before writing it, then list years to review."""
    _refuse_overwrite(args.new, args.force, lang)
    _load_all([args.old], lang)  # the old plan must be valid before it is copied
    text = args.old.read_text(encoding="utf-8")
    try:
        shift = (Shift(years=args.shift_years) if args.start is None
                 else shift_for_start(text, args.start))
    except ValueError:
        raise UserError([message("no_campaign_start", lang)]) from None
    try:
        moved, reviews = new_plan(text, shift)
    except (ValueError, OverflowError):
        raise UserError([message("shift_out_of_range", lang)]) from None
    load_plan_text(moved, str(args.new), lang)
    _write_file(args.new, moved.encode("utf-8"), lang)
    print(message("wrote", lang, path=args.new))
    if reviews:
        print(message("review_years", lang))
        for review in reviews:
            years = ", ".join(review.years)
            print(f"  {args.new}:{review.line}: {years} — …{review.excerpt}…")
    return EXIT_OK


def _init(args: argparse.Namespace, lang: Lang) -> int:
    """A starter plan, and beside it the schema its first line names for editors."""
    _refuse_overwrite(args.file, args.force, lang)
    _write_file(args.file, starter_plan().encode("utf-8"), lang)
    print(message("wrote", lang, path=args.file))
    schema_file = args.file.parent / SCHEMA_FILE
    if not schema_file.exists() or args.force:
        _write_file(schema_file, (plan_schema() + "\n").encode("utf-8"), lang)
        print(message("wrote", lang, path=schema_file))
    return EXIT_OK


def _out_dir(output: Path, plan_file: Path) -> Path:
    return output / vn.safe_file_name(plan_file.stem)


def _refuse_shared_folders(plans: Sequence[Path], output: Path, lang: Lang) -> None:
    """Two plans whose names give the same folder would overwrite each other."""
    first: dict[Path, Path] = {}
    for plan in plans:
        folder = _out_dir(output, plan)
        if folder in first:
            raise UserError([message("same_folder", lang, first=first[folder], second=plan,
                                     folder=folder)])
        first[folder] = plan


def _prepare(bundle: Bundle, args: argparse.Namespace, lang: Lang) -> Job:
    return prepare(bundle, _out_dir(args.output, bundle.plan_file),
                   templates_dir=args.templates, draft=args.draft, only=args.only, lang=lang)


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


if __name__ == "__main__":
    sys.exit(main())
