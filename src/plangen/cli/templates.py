"""``plangen templates``: lint the Word templates a plan's documents use."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from plangen.cli.common import EXIT_OK, load_all
from plangen.kinds import compile_all
from plangen.messages import Lang, message
from plangen.pipeline.run import default_templates

if TYPE_CHECKING:
    from plangen.cli.common import Commands


def add_parser(commands: Commands, common: argparse.ArgumentParser,
               ) -> argparse.ArgumentParser:
    lint = commands.add_parser("templates", parents=[common],
                               help="check the Word templates against a plan's data")
    lint.add_argument("plans", nargs="+", type=Path, metavar="PLAN")
    lint.add_argument("--templates", type=Path, metavar="DIR")
    return lint


def run(args: argparse.Namespace, lang: Lang) -> int:
    for bundle in load_all(args.plans, lang):
        folder = args.templates or default_templates(bundle.plan_file)
        used = compile_all(bundle.plan, folder, lang).used()
        print(message("templates_ok" if used else "templates_none", lang,
                      path=folder if used else bundle.plan_file))
    return EXIT_OK
