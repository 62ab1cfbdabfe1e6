"""``plangen new``: next campaign's plan, a copy with every date moved and comments kept."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from plangen.cli.common import EXIT_OK, load_all, refuse_overwrite, write_file
from plangen.errors import UserError
from plangen.messages import Lang, message
from plangen.plan.load import load_plan_text
from plangen.plan.newyear import Shift, new_plan, shift_for_start

if TYPE_CHECKING:
    from plangen.cli.common import Commands


def add_parser(commands: Commands, common: argparse.ArgumentParser,
               ) -> argparse.ArgumentParser:
    new = commands.add_parser("new", parents=[common],
                              help="next campaign's plan: a copy with every date moved")
    new.add_argument("old", type=Path, metavar="OLD.yaml")
    new.add_argument("new", type=Path, metavar="NEW.yaml")
    how = new.add_mutually_exclusive_group(required=True)
    how.add_argument("--shift-years", type=int, metavar="N", help="move every date N years")
    how.add_argument("--start", type=date.fromisoformat, metavar="YYYY-MM-DD",
                     help="move every date so that the campaign starts on this day")
    new.add_argument("--force", action="store_true", help="overwrite NEW.yaml")
    return new


def run(args: argparse.Namespace, lang: Lang) -> int:
    """Validate the moved plan before writing it, then list the years left to review."""
    refuse_overwrite(args.new, args.force, lang)
    load_all([args.old], lang)  # the old plan must be valid before it is copied
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
    write_file(args.new, moved.encode("utf-8"), lang)
    print(message("wrote", lang, path=args.new))
    if reviews:
        print(message("review_years", lang))
        for review in reviews:
            years = ", ".join(review.years)
            print(f"  {args.new}:{review.line}: {years} — …{review.excerpt}…")
    return EXIT_OK
