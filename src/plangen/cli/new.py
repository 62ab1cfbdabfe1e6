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
from plangen.plan.newyear import NewPlan, Shift, new_plan, shift_for_start

if TYPE_CHECKING:
    from plangen.cli.common import Commands


def add_parser(commands: Commands, common: argparse.ArgumentParser,
               ) -> argparse.ArgumentParser:
    new = commands.add_parser("new", parents=[common],
                              help="next period's plan: a copy with every date moved")
    new.add_argument("old", type=Path, metavar="OLD.yaml")
    new.add_argument("new", type=Path, metavar="NEW.yaml")
    how = new.add_mutually_exclusive_group(required=True)
    how.add_argument("--shift-years", type=int, metavar="N", help="move every date N years")
    how.add_argument("--start", type=date.fromisoformat, metavar="YYYY-MM-DD",
                     help="move every date so that the campaign (or the first document "
                     "dated) starts on this day")
    new.add_argument("--force", action="store_true", help="overwrite NEW.yaml")
    return new


def run(args: argparse.Namespace, lang: Lang) -> int:
    """Validate the moved plan before writing it; then say what became of each document,
    which periods moved, and which years are left to review."""
    if _same_file(args.old, args.new):  # --force or not: the source is never written over
        raise UserError([message("new_over_source", lang, path=args.new)])
    refuse_overwrite(args.new, args.force, lang)
    load_all([args.old], lang)  # the old plan must be valid before it is copied
    text = args.old.read_text(encoding="utf-8")
    try:
        shift = (Shift(years=args.shift_years) if args.start is None
                 else shift_for_start(text, args.start))
    except ValueError:
        raise UserError([message("no_start", lang)]) from None
    try:
        moved = new_plan(text, shift)
    except (ValueError, OverflowError):
        raise UserError([message("shift_out_of_range", lang)]) from None
    if all(fate.dropped_for for fate in moved.fates):
        raise UserError([message("new_nothing_kept", lang)])
    load_plan_text(moved.text, str(args.new), lang)
    write_file(args.new, moved.text.encode("utf-8"), lang)
    print(message("wrote", lang, path=args.new))
    _tell(moved, args.new, lang)
    return EXIT_OK


def _same_file(old: Path, new: Path) -> bool:
    try:
        return (new.exists() and old.samefile(new)) or old.resolve() == new.resolve()
    except OSError:
        return False


def _tell(moved: NewPlan, new: Path, lang: Lang) -> None:
    """What became of each document and of the data files, the periods moved, the years
    left to review."""
    for fate in moved.fates:
        if fate.dropped_for is None:
            print(message("new_kept", lang, file=fate.file))
        elif fate.dropped_for.endswith(".docx"):
            print(message("new_dropped_quote", lang, file=fate.file, other=fate.dropped_for))
        else:
            print(message("new_dropped_results", lang, file=fate.file, names=fate.dropped_for))
    if moved.data_dropped:
        print(message("new_data_dropped", lang))
    for period in dict.fromkeys(moved.periods):
        print(message("new_period", lang, change=period))
    if moved.reviews:
        print(message("review_years", lang))
        for review in moved.reviews:
            years = ", ".join(review.years)
            print(f"  {new}:{review.line}: {years} — …{review.excerpt}…")
