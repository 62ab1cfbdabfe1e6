"""``plangen rules`` and ``plangen schema``: the checker's rules table and the plan schema,
printed for people and editors."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from plangen.check.table import markdown_table
from plangen.cli.common import EXIT_OK
from plangen.messages import Lang
from plangen.plan.schema import plan_schema

if TYPE_CHECKING:
    from plangen.cli.common import Commands


def add_rules_parser(commands: Commands, common: argparse.ArgumentParser,
                     ) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "rules", parents=[common], help="print the checker's rules table")
    return parser


def add_schema_parser(commands: Commands, common: argparse.ArgumentParser,
                      ) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "schema", parents=[common], help="print the JSON Schema of plan files (for editors)")
    return parser


def run_rules(args: argparse.Namespace, lang: Lang) -> int:
    print(markdown_table())
    return EXIT_OK


def run_schema(args: argparse.Namespace, lang: Lang) -> int:
    print(plan_schema())
    return EXIT_OK
