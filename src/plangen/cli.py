"""The ``plangen`` command: the only place where errors become exit codes.

Exit codes: 0 done, 1 invalid input (a message per problem, no traceback), 2 usage error.
Messages are Vietnamese unless ``--lang en`` is given.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import cast

from plangen import __version__
from plangen.check.command import run_check
from plangen.check.table import markdown_table
from plangen.errors import PlanError, Problem, UserError
from plangen.load import load_plan
from plangen.messages import LANGS, Lang, message
from plangen.model import Plan
from plangen.render import write_documents

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
    validate = commands.add_parser("validate", parents=[common],
                                   help="check plan files without writing anything")
    validate.add_argument("plans", nargs="+", type=Path, metavar="PLAN")
    check = commands.add_parser("check", parents=[common],
                                help="check DOCX files against the rules of Nghị định 30")
    check.add_argument("files", nargs="+", type=Path, metavar="FILE.docx")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--strict", action="store_true", help="warnings fail too")
    commands.add_parser("rules", parents=[common], help="print the checker's rules table")
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
    try:
        plans = _load_all(args.plans, lang)
        if args.command == "validate":
            for path in args.plans:
                print(message("valid", lang, path=path))
            return EXIT_OK
        for path, plan in zip(args.plans, plans, strict=True):
            for written in _write(plan, args.output / path.stem, lang):
                print(message("wrote", lang, path=written))
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


def _load_all(paths: Sequence[Path], lang: Lang) -> list[Plan]:
    """Every plan validated before anything is written: one bad file stops the whole run."""
    plans: list[Plan] = []
    problems: list[Problem] = []
    for path in paths:
        if not path.is_file():
            problems.append(Problem(str(path), 0, 0, "", message("file_missing", lang)))
            continue
        try:
            plans.append(load_plan(path, lang))
        except PlanError as err:
            problems += err.problems
    if problems:
        raise PlanError(problems)
    return plans


def _write(plan: Plan, out_dir: Path, lang: Lang) -> list[Path]:
    try:
        return write_documents(plan, out_dir)
    except OSError as err:
        raise UserError([message("cannot_write", lang, path=err.filename or out_dir,
                                 reason=err.strerror or err)]) from None


if __name__ == "__main__":
    sys.exit(main())
