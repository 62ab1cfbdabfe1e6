"""``plangen register``: the Sổ đăng ký văn bản đi (NĐ30 Phụ lục IV) of built documents,
written or extended as an .xlsx workbook."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from plangen.cli.common import EXIT_OK, write_file
from plangen.messages import Lang, message

if TYPE_CHECKING:
    from plangen.cli.common import Commands

DEFAULT = Path("so-dang-ky-van-ban-di.xlsx")


def add_parser(commands: Commands, common: argparse.ArgumentParser,
               ) -> argparse.ArgumentParser:
    register = commands.add_parser(
        "register", parents=[common],
        help="write or extend the outgoing register (Sổ đăng ký văn bản đi) of built documents")
    register.add_argument("folders", nargs="+", type=Path, metavar="OUTPUT_DIR",
                          help="a plan's output folder (with manifest.json), or a folder of them")
    register.add_argument("-o", "--output", type=Path, default=DEFAULT, metavar="FILE.xlsx",
                          help=f"the register to write or extend (default {DEFAULT})")
    return register


def run(args: argparse.Namespace, lang: Lang) -> int:
    """Rows for the issued documents the register lacks are added; what was left out and
    each number used twice in a year are said on stderr; nothing is written when nothing
    is new."""
    from plangen.outgoing import register  # openpyxl only for this command

    found = register.read_rows(args.folders, lang)
    for note in found.notes:
        print(note, file=sys.stderr)
    if not found.rows:
        print(message("register_none", lang, path=args.output))
        return EXIT_OK
    workbook = register.open_register(args.output, lang)
    outcome = register.extend(workbook, found.rows, lang)
    for warning in outcome.twice:
        print(warning, file=sys.stderr)
    if outcome.added:
        write_file(args.output, register.register_bytes(workbook), lang)
        print(message("register_wrote", lang, path=args.output, added=outcome.added,
                      already=outcome.already))
    else:
        print(message("register_nothing_new", lang, path=args.output,
                      already=outcome.already))
    return EXIT_OK
