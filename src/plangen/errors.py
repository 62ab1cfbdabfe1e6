"""Errors a user can cause, each carrying messages ready to print.

Why: the CLI is the only place errors become exit codes, and it must tell a user's mistake
(message, exit 1, no traceback) from a bug in plangen (traceback). Everything a user can
get wrong raises a subclass of :class:`UserError`; anything else is a bug.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Problem:
    """One located problem in an input file: ``file:line:col: path: message``.

    ``line`` and ``col`` count from 1; 0 means the position is unknown.
    """

    file: str
    line: int
    col: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}" if self.line else self.file
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class UserError(Exception):
    """A mistake in the user's input or command: shown as a message, exit code 1."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines

    def __reduce__(self) -> tuple[type[UserError], tuple[list[str]]]:
        """Pickled whole (a build's worker process hands its errors back)."""
        return type(self), (self.lines,)


class PlanError(UserError):
    """The plan file is invalid; holds every problem found in one run, and what of the
    plan was still well-formed (``partial``: the later checks ran on it, and its data
    files are read with it; None when that is not known)."""

    def __init__(self, problems: list[Problem], partial: Any = None) -> None:
        super().__init__([str(p) for p in problems])
        self.problems = problems
        self.partial = partial

    def __reduce__(self) -> tuple[type[PlanError], tuple[list[Problem]]]:  # type: ignore[override]
        return type(self), (self.problems,)
