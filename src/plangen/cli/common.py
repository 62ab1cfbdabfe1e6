"""What the commands share: loading every plan before anything is written, and writing a
single file safely.

Why: "one bad file stops the whole run" and "never overwrite by surprise" hold for every
command that reads plans or writes a file, so they are written once.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from plangen.errors import PlanError, Problem, UserError
from plangen.messages import Lang, message
from plangen.pipeline.save import write_atomic
from plangen.plan.datafiles import Bundle, load_bundle

if TYPE_CHECKING:
    Commands = argparse._SubParsersAction[argparse.ArgumentParser]
    """Where each command adds its parser."""

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
Run = Callable[[argparse.Namespace, Lang], int]
"""A command: its parsed arguments and the language of messages in, the exit code out."""


def load_all(paths: Sequence[Path], lang: Lang, final: bool = False) -> list[Bundle]:
    """Every plan and its data files validated before anything is written: one bad file
    stops the whole run, after every file's problems are found. With ``final``, what a
    build that is not a draft needs of every document is checked too."""
    plans: list[Bundle] = []
    problems: list[Problem] = []
    for path in paths:
        if not path.is_file():
            missing = "is_folder" if path.is_dir() else "file_missing"
            problems.append(Problem(str(path), 0, 0, "", message(missing, lang)))
            continue
        try:
            plans.append(load_bundle(path, lang, final))
        except PlanError as err:
            problems += err.problems
    if problems:
        raise PlanError(problems)
    return plans


def write_file(path: Path, data: bytes, lang: Lang) -> None:
    """Write ``data`` whole to ``path``; a failure is the user's to fix, not a traceback."""
    try:
        write_atomic(path, data)
    except OSError as err:
        raise UserError([message("cannot_write", lang, path=path,
                                 reason=err.strerror or err)]) from None


def refuse_overwrite(path: Path, force: bool, lang: Lang) -> None:
    """Stop when ``path`` exists, unless ``force``."""
    if path.exists() and not force:
        raise UserError([message("file_exists", lang, path=path)])


READ_ONLY = frozenset(("validate", "check", "verify"))
"""Commands that never write a file: their total does not say that nothing was written."""


def error_lines(err: UserError, lang: Lang, command: str | None = None) -> list[str]:
    """What a user's mistake prints on stderr: a line per problem, and for an invalid plan
    how many problems there are (and, for a command that writes, that it wrote nothing)."""
    if isinstance(err, PlanError):
        total = "problems_counted" if command in READ_ONLY else "problems_found"
        return [*err.lines, message(total, lang, count=len(err.problems))]
    return list(err.lines)


def gate_problems(plan_file: Path, refused: UserError) -> list[Problem]:
    """The signed-ready gate's reasons for one plan's documents, each line naming the plan
    (``plans/a.yaml: ke-hoach.docx: …``): with many plans, which one broke shows."""
    if isinstance(refused, PlanError):
        return refused.problems
    return [Problem(str(plan_file), 0, 0, "", line) for line in refused.lines]
