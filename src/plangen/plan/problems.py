"""A broken cross-field rule of a plan: where it is, which message says it, with what.

Why: the rules live in several places (the plan's own in ``consistency``, each kind's with
its entry model), and all of them report through this one shape, located by the loader.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from plangen.plan.yamlread import DataPath


@dataclass(frozen=True)
class RuleProblem:
    """A broken rule: where (path in the plan), which (message code), and the details."""

    path: DataPath
    code: str
    values: dict[str, Any] = field(default_factory=dict)
    line_in_text: int = 0
    """The line of a text field the problem is on, counted from 1 (0: the field itself)."""

    def under(self, prefix: DataPath) -> RuleProblem:
        """The same problem, its path below ``prefix`` (an entry's rules speak of the
        entry's own fields)."""
        return RuleProblem((*prefix, *self.path), self.code, self.values, self.line_in_text)
