"""The ``plangen`` command: one module per command, and the only place where errors
become exit codes.

Exit codes: 0 done, 1 invalid input (a message per problem, no traceback), 2 usage error.
Messages are Vietnamese unless ``--lang en`` is given.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn, cast

from plangen import __version__
from plangen.cli import (
    build,
    check,
    imports,
    init,
    new,
    reference,
    register,
    serve,
    sign,
    templates,
    validate,
    verify,
)
from plangen.cli.common import EXIT_INVALID, Run, error_lines
from plangen.cli.localize import argparse_speaks, chosen_lang, localize
from plangen.errors import UserError
from plangen.messages import LANGS, Lang

# Each command: how its arguments are declared, and what runs it.
COMMANDS: tuple[tuple[object, Run], ...] = (
    (build.add_parser, build.run),
    (templates.add_parser, templates.run),
    (validate.add_parser, validate.run),
    (serve.add_parser, serve.run),
    (imports.add_parser, imports.run),
    (check.add_parser, check.run),
    (reference.add_rules_parser, reference.run_rules),
    (new.add_parser, new.run),
    (reference.add_schema_parser, reference.run_schema),
    (init.add_parser, init.run),
    (register.add_parser, register.run),
    (sign.add_parser, sign.run),
    (verify.add_parser, verify.run),
)


def _lang_option(default: str | None) -> argparse.ArgumentParser:
    """``--lang``, taken before or after the command; only the top level sets a default,
    so that ``plangen --lang en build …`` is not undone by the command's own option."""
    holder = argparse.ArgumentParser(add_help=False)
    holder.add_argument("--lang", choices=LANGS, default=default or argparse.SUPPRESS,
                        help="language of messages (vi, en); default vi")
    return holder


def _parser() -> argparse.ArgumentParser:
    common = _lang_option(None)
    parser = argparse.ArgumentParser(
        prog="plangen", parents=[_lang_option("vi")],
        description="Vietnamese administrative documents per Nghị định 30/2020/NĐ-CP from one "
                    "YAML plan file.")
    parser.add_argument("--version", action="version", version=f"plangen {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add_parser, run in COMMANDS:
        sub = add_parser(commands, common)  # type: ignore[operator]
        sub.set_defaults(run=run)
    return parser


def utf8_output() -> None:
    """Print UTF-8 whatever the console's code page: a Windows console or a pipe may default
    to cp1252 or cp1258, where Vietnamese letters would end in a UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``plangen`` with ``argv`` (default: the process arguments); returns the exit code."""
    utf8_output()
    chosen = chosen_lang(sys.argv[1:] if argv is None else argv)
    with argparse_speaks(chosen):
        parser = _parser()
        localize(parser, chosen)
        args = parser.parse_args(argv)
    lang = cast(Lang, args.lang)
    run = cast(Run, args.run)
    try:
        code = run(args, lang)
        sys.stdout.flush()  # a closed pipe shows here, not as noise when Python exits
        return code
    except BrokenPipeError:  # the reader went away (`plangen schema | head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_INVALID
    except UserError as err:
        for line in error_lines(err, lang, args.command):
            print(line, file=sys.stderr)
        return EXIT_INVALID


def entry() -> NoReturn:
    """The ``plangen`` console script: :func:`main`, then out at once.

    When ``main`` returns, every file is written and closed and every worker has ended;
    what is left is the interpreter freeing what a build loaded, object by object, which
    took a tenth of a second, as long as building a report. A bug still ends in a traceback,
    as it propagates before this point."""
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    entry()
