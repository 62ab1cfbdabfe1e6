"""``plangen validate``: check plan files and their data, write nothing."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from plangen.cli.common import EXIT_OK, load_all
from plangen.messages import Lang, message

if TYPE_CHECKING:
    from plangen.cli.common import Commands


def add_parser(commands: Commands, common: argparse.ArgumentParser,
               ) -> argparse.ArgumentParser:
    validate = commands.add_parser("validate", parents=[common],
                                   help="check plan files without writing anything")
    validate.add_argument("plans", nargs="+", type=Path, metavar="PLAN")
    return validate


def run(args: argparse.Namespace, lang: Lang) -> int:
    load_all(args.plans, lang)
    for path in args.plans:
        print(message("valid", lang, path=path))
    return EXIT_OK
