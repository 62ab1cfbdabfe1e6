"""``plangen init``: a commented starter plan, and the schema its first line names."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from plangen.cli.common import EXIT_OK, refuse_overwrite, write_file
from plangen.messages import Lang, message
from plangen.plan.schema import SCHEMA_FILE, plan_schema, starter_plan

if TYPE_CHECKING:
    from plangen.cli.common import Commands


def add_parser(commands: Commands, common: argparse.ArgumentParser,
               ) -> argparse.ArgumentParser:
    init = commands.add_parser("init", parents=[common], help="write a commented starter plan")
    init.add_argument("file", type=Path, nargs="?", default=Path("ke-hoach.yaml"))
    init.add_argument("--force", action="store_true", help="overwrite the file")
    return init


def run(args: argparse.Namespace, lang: Lang) -> int:
    refuse_overwrite(args.file, args.force, lang)
    write_file(args.file, starter_plan().encode("utf-8"), lang)
    print(message("wrote", lang, path=args.file))
    schema_file = args.file.parent / SCHEMA_FILE
    if not schema_file.exists() or args.force:
        write_file(schema_file, (plan_schema() + "\n").encode("utf-8"), lang)
        print(message("wrote", lang, path=schema_file))
    return EXIT_OK
