"""What of an invalid plan is still well-formed, so the later checks run on it.

Why: a plan with a day that does not exist and a Nơi nhận without its Lưu line must get
both in one run, not one per run. The model refuses a whole plan for one wrong value, so
the values it refuses are left out (and a document or a block that cannot stand without
one, with it) until what is left validates. The content rules and the Jinja names are
checked on that; what they find only because something was left out is not reported,
since the model's own message already names the cause.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from plangen.plan.yamlread import DataPath, value_at

M = typing.TypeVar("M", bound=BaseModel)

MAX_ROUNDS = 8
"""Each round leaves out a level more (a value, then its mapping, then its document);
plans nest no deeper than this."""

NEEDS: Mapping[str, str] = {
    "no_document": "van_ban",
    "data_needs_campaign": "campaign",
    "issued_after_first_phase": "campaign",
    "unknown_signer": "signers",
    "signer_missing": "signer",
}
"""Rules that speak of a shared part of the plan: left unsaid when that part was left out
(a document "without a signer" because the plan's signer had a wrong value)."""


@dataclass(frozen=True)
class Pruned:
    """The paths left out of a plan's data (as the file has them), and how a path of
    what is left maps back to the file's."""

    removed: frozenset[DataPath]

    def original(self, path: DataPath) -> DataPath:
        """``path`` of the data left, as a path of the data read: a list that lost items
        counts its items as the file does."""
        out: list[str | int] = []
        for part in path:
            if isinstance(part, int):
                for gone in sorted(r[-1] for r in self.removed
                                   if r[:-1] == tuple(out) and isinstance(r[-1], int)):
                    if gone <= part:
                        part += 1
            out.append(part)
        return tuple(out)

    def covers(self, path: DataPath) -> bool:
        """``path`` (the file's) is inside a part left out."""
        return any(path[:len(r)] == r for r in self.removed)

    def hides_rule(self, code: str, path: DataPath) -> bool:
        """A rule's finding at ``path`` (the file's) follows from a part left out: it is
        in that part, or about a field of the same name in the same document, or about a
        shared part that was left out."""
        if self.covers(path):
            return True
        needed = NEEDS.get(code)
        if needed is not None and any(r[:1] == (needed,) for r in self.removed):
            return True
        leaf = _leaf(path)
        return any((_leaf(r) == leaf and (r[0] != "van_ban" or r[:2] == path[:2]))
                   or _shares_part(r, path) for r in self.removed)

    def names(self, data: Any, entry_fields: Iterable[str]) -> frozenset[str]:
        """The names a Jinja expression may fail on because a part was left out: the
        keys of every part left out and of what it held, the ``key`` that names a document
        left out (``tham_chieu['…']``), and, when a whole document is left out, every
        document field (the first document's are names of the plan's text)."""
        names: set[str] = set()
        for path in self.removed:
            names.update(p for p in path if isinstance(p, str))
            part = value_at(data, path)
            names.update(_keys(part))
            if len(path) == 2 and path[0] == "van_ban":
                names.update(entry_fields)
                names.add("ky_hieu")
                if isinstance(part, dict) and isinstance(part.get("key"), str):
                    names.add(part["key"])
        return frozenset(names)


def well_formed(model: type[M], data: Any, errors: list[ErrorDetails],
                data_path: Callable[[tuple[int | str, ...]], DataPath]
                ) -> tuple[M, Pruned] | None:
    """``data`` validated as ``model`` with what ``errors`` (the model's, from the whole
    ``data``) refuse left out, and what was left out; None when what is left cannot stand
    (a required part of the plan itself is wrong)."""
    removed: set[DataPath] = set()
    for _round in range(MAX_ROUNDS):
        pruned = Pruned(frozenset(_outermost(removed)))
        for error in errors:
            path = pruned.original(data_path(error["loc"]))
            target = path[:-1] if error["type"] == "missing" else path
            if not target:
                return None
            removed.add(target)
        pruned = Pruned(frozenset(_outermost(removed)))
        try:
            return model.model_validate(_without(data, pruned.removed)), pruned
        except ValidationError as err:
            errors = err.errors()
    return None


def _outermost(paths: set[DataPath]) -> set[DataPath]:
    """The paths not inside another one of them."""
    return {p for p in paths if not any(q != p and p[:len(q)] == q for q in paths)}


def _without(data: Any, removed: frozenset[DataPath], path: DataPath = ()) -> Any:
    """A copy of ``data`` without the parts at ``removed``."""
    if isinstance(data, dict):
        return {k: _without(v, removed, (*path, k)) for k, v in data.items()
                if (*path, k) not in removed}
    if isinstance(data, list):
        return [_without(v, removed, (*path, i)) for i, v in enumerate(data)
                if (*path, i) not in removed]
    return data


def _shares_part(removed: DataPath, path: DataPath) -> bool:
    """``path`` is in the part ``removed`` was a field of, when that part is a block whose
    fields are judged together (a signer's authority and titles, a phase's start and end)
    and not a whole document or the plan, whose fields stand apart."""
    part = removed[:-1]
    document = len(part) == 2 and part[0] == "van_ban"
    return bool(part) and not document and path[:len(part)] == part


def _leaf(path: DataPath) -> str | None:
    return next((p for p in reversed(path) if isinstance(p, str)), None)


def _keys(data: Any) -> Iterable[str]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield str(key)
            yield from _keys(value)
    elif isinstance(data, list):
        for value in data:
            yield from _keys(value)
