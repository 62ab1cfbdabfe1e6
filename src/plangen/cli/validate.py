"""``plangen validate``: everything ``build`` checks before it writes, and write nothing.

Why: an admin who sees "hợp lệ" must be able to build. So validate loads the plan and its
data, renders every document and passes each through the same signed-ready gate as
``build`` (the NĐ30 rules included); only the writing is left out.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from plangen.cli.build import refuse_shared_folders
from plangen.cli.common import EXIT_OK, gate_problems, load_all
from plangen.errors import PlanError, Problem, UserError
from plangen.messages import Lang, message
from plangen.pipeline import forked
from plangen.pipeline.run import gated

if TYPE_CHECKING:
    from plangen.cli.common import Commands


def add_parser(commands: Commands, common: argparse.ArgumentParser,
               ) -> argparse.ArgumentParser:
    validate = commands.add_parser("validate", parents=[common],
                                   help="check plan files as build would, writing nothing")
    validate.add_argument("plans", nargs="+", type=Path, metavar="PLAN")
    validate.add_argument("--draft", action="store_true",
                          help="judge the plan as a draft (build --draft)")
    validate.add_argument("--templates", type=Path, metavar="DIR",
                          help="folder of the Word templates, as for build")
    return validate


def run(args: argparse.Namespace, lang: Lang) -> int:
    """Every plan loaded first (one bad file stops the run, as in build), then each one's
    documents rendered and gated; every reason of every plan is reported, each line
    naming its plan."""
    refuse_shared_folders(args.plans, Path("output"), lang)  # as build would
    problems: list[Problem] = []
    for bundle in load_all(args.plans, lang, final=not args.draft):
        try:
            for _document in gated(bundle, templates_dir=args.templates, draft=args.draft,
                                   lang=lang, workers=forked.default_workers()):
                pass
        except UserError as refused:
            problems += gate_problems(bundle.plan_file, refused)
    if problems:
        raise PlanError(problems)
    for path in args.plans:
        print(message("valid", lang, path=path))
    return EXIT_OK
