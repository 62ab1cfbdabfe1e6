"""Load a plan file: read YAML → validate the model → check cross-field rules → evaluate text.

Why: this is the one entrance for plan data, so every problem a user can make is found
here and reported in one run, each as ``file:line:col: field.path: message`` in the
user's language. Nothing after this stage sees an invalid plan.
"""

from __future__ import annotations

import difflib
import types
import typing
from hashlib import sha256
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from plangen.errors import PlanError, Problem
from plangen.messages import Lang, message
from plangen.plan import templating
from plangen.plan.consistency import check_plan
from plangen.plan.model import Plan, VanBanTenLoai
from plangen.plan.yamlread import (
    DATA_LIMITS,
    PLAN_LIMITS,
    DataPath,
    Limits,
    Located,
    YamlRejected,
    read_yaml,
    value_at,
)


def load_plan(path: Path, lang: Lang = "vi") -> Plan:
    """The validated plan of file ``path``; raises :class:`PlanError` with every problem."""
    return read_plan(path, lang)[0]


def read_plan(path: Path, lang: Lang = "vi") -> tuple[Plan, str]:
    """The validated plan of file ``path`` and the sha256 of the bytes it was read from:
    the file is read once, so the manifest names the plan the documents were made of even
    when an editor saves it again during the build."""
    plan, digest, _located = read_plan_located(path, lang)
    return plan, digest


def read_plan_located(path: Path, lang: Lang = "vi") -> tuple[Plan, str, Located]:
    """:func:`read_plan`, with the file's values and their positions, for the fields
    evaluated later (:func:`resolve_deferred`)."""
    raw = _read_bytes(path, lang)
    located = _decode(raw, str(path), lang)
    return _validate(located, str(path), lang), sha256(raw).hexdigest(), located


def resolve_deferred(plan: Plan, located: Located, name: str, extra: dict[str, Any],
                     lang: Lang = "vi") -> Plan:
    """The plan with its deferred fields (the paper trail) evaluated over the plan's names
    and ``extra`` (figures from the data files); every problem located in the plan file."""
    if not any(templating.has_expression(str(v)) for k, v in located.data.items()
               if k in templating.DEFERRED):
        return plan
    names = templating.context(plan) | extra
    failed: list[templating.TemplateProblem] = []
    resolved = dict(located.data)
    for key in templating.DEFERRED:
        if key in resolved:
            resolved[key] = templating.resolve(resolved[key], names, failed, (key,))
    if failed:
        raise PlanError([_template_problem(located, name, p, lang) for p in failed])
    evaluated = _model(resolved, located, name, lang)
    return plan.model_copy(update={key: getattr(evaluated, key)
                                   for key in templating.DEFERRED})


def load_plan_text(text: str, name: str, lang: Lang = "vi") -> Plan:
    """Like :func:`load_plan` for text already in memory (``name`` is shown in messages)."""
    return _validate(_parse(text, name, lang), name, lang)


def _read(path: Path, lang: Lang, limits: Limits = PLAN_LIMITS) -> Located:
    return _decode(_read_bytes(path, lang, limits), str(path), lang, limits)


def _read_bytes(path: Path, lang: Lang, limits: Limits = PLAN_LIMITS) -> bytes:
    name = str(path)
    try:
        size = path.stat().st_size
        if size > limits.bytes:
            raise _single(name, "too_large", lang, size=size, limit=limits.bytes)
        return path.read_bytes()
    except OSError as err:
        raise _single(name, "unreadable", lang, reason=err.strerror or str(err)) from None


def _decode(raw: bytes, name: str, lang: Lang, limits: Limits = PLAN_LIMITS) -> Located:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _single(name, "not_utf8", lang) from None
    return _parse(text, name, lang, limits)


def _single(name: str, code: str, lang: Lang, **values: object) -> PlanError:
    return PlanError([Problem(name, 0, 0, "", message(code, lang, **values))])


def _parse(text: str, name: str, lang: Lang, limits: Limits = PLAN_LIMITS) -> Located:
    if len(text.encode("utf-8")) > limits.bytes:
        raise _single(name, "too_large", lang, size=len(text.encode()), limit=limits.bytes)
    try:
        return read_yaml(text, limits)
    except YamlRejected as rejected:
        raise PlanError([
            Problem(name, p.line, p.col, dotted(p.path), p.text(lang))
            for p in rejected.problems
        ]) from None


def _validate(located: Located, name: str, lang: Lang) -> Plan:
    plan = _model(located.data, located, name, lang)
    problems = [
        _at(located, name, p.path, message(p.code, lang, **p.values))
        for p in check_plan(plan)
    ]
    failed: list[templating.TemplateProblem] = []
    deferred = templating.DEFERRED
    resolved = templating.resolve(located.data, templating.context(plan), failed, skip=deferred)
    problems += [_template_problem(located, name, p, lang) for p in failed]
    if problems:
        raise PlanError(sorted(problems, key=lambda p: (p.line, p.col)))
    # Second pass: text that quotes other text (a task that names a date, printed by a
    # section's loop) sees the evaluated values. Two passes cover one level of quoting.
    first = _model(resolved, located, name, lang)
    resolved = templating.resolve(located.data, templating.context(first), failed,
                                  skip=deferred)
    if failed:
        raise PlanError([_template_problem(located, name, p, lang) for p in failed])
    plan = _model(resolved, located, name, lang)
    quoted = [path for path in templating.unresolved(resolved, skip=deferred)
              if "raw %}" not in str(value_at(located.data, path))]  # {% raw %} is meant
    if quoted:
        raise PlanError([_at(located, name, path, message("jinja_nested", lang))
                         for path in quoted])
    return plan


def _model(data: Any, located: Located, name: str, lang: Lang) -> Plan:
    return validate_located(Plan, data, located, name, lang)


M = typing.TypeVar("M", bound=BaseModel)


def validate_located(model: type[M], data: Any, located: Located, name: str,
                     lang: Lang) -> M:
    """``data`` validated as ``model``; every problem located in file ``name``."""
    try:
        return model.model_validate(data)
    except ValidationError as err:
        problems = [_pydantic_problem(model, located, name, e, lang) for e in err.errors()]
        raise PlanError(sorted(problems, key=lambda p: (p.line, p.col))) from None


def read_located(path: Path, lang: Lang, limits: Limits = DATA_LIMITS) -> Located:
    """Data file ``path`` read with positions (size and encoding checked), or
    :class:`PlanError` located in that file."""
    return _read(path, lang, limits)


def at(located: Located, name: str, path: DataPath, text: str) -> Problem:
    """A problem at ``path`` of a located file."""
    return _at(located, name, path, text)


# -- locating --------------------------------------------------------------------------


def dotted(path: DataPath) -> str:
    """``campaign.phases[1].end``: a data path as messages show it."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _position(located: Located, path: DataPath, key: bool = False) -> tuple[int, int]:
    """Line and column of ``path`` (its key when ``key``), or of its nearest ancestor."""
    if key and path in located.keys:
        return located.keys[path]
    for end in range(len(path), -1, -1):
        if path[:end] in located.values:
            return located.values[path[:end]]
    return (0, 0)


def _at(located: Located, name: str, path: DataPath, text: str, key: bool = False) -> Problem:
    line, col = _position(located, path, key)
    return Problem(name, line, col, dotted(path), text)


def _template_problem(located: Located, name: str, problem: templating.TemplateProblem,
                      lang: Lang) -> Problem:
    line, col = _position(located, problem.path)
    if problem.line_in_text:
        # A block scalar (| or >) starts on the line after its indicator.
        offset = 0 if problem.path in located.block_scalars else -1
        line += problem.line_in_text + offset
    hint = (message("did_you_mean", lang, suggestion=problem.suggestion)
            if problem.suggestion else "")
    text = message(problem.code, lang, detail=problem.detail, hint=hint)
    return Problem(name, line, col, dotted(problem.path), text)


# -- translating pydantic's errors -----------------------------------------------------


def _data_path(loc: tuple[int | str, ...]) -> DataPath:
    """Drop pydantic's own markers (``[key]``, ``function-after[…]``) from a location, and
    the tag a discriminated union adds after a list item (``van_ban[1].QĐ.dieu``)."""
    kept = [p for p in loc if isinstance(p, int) or not ("[" in p or "(" in p)]
    return tuple(p for i, p in enumerate(kept)
                 if not (i and isinstance(kept[i - 1], int) and p in UNION_TAGS))


UNION_TAGS = frozenset(("QĐ", "CV", *typing.get_args(
    typing.get_type_hints(VanBanTenLoai)["kind"])))
"""The ``kind`` values that choose a model in ``van_ban``."""


def _pydantic_problem(model: type[BaseModel], located: Located, name: str, err: ErrorDetails,
                      lang: Lang) -> Problem:
    path = _data_path(err["loc"])
    kind = err["type"]
    ctx = dict(err.get("ctx") or {})
    got = describe(err.get("input"), lang)
    if kind == "extra_forbidden":
        key = str(path[-1]) if path else ""
        hint = _suggestion(model, path[:-1], key, lang)
        return _at(located, name, path, message(kind, lang, key=key, hint=hint), key=True)
    if kind == "missing":
        line, col = _position(located, path[:-1])  # the mapping that lacks the key
        return Problem(name, line, col, dotted(path), message(kind, lang))
    if kind == "union_tag_invalid":
        return _at(located, name, path, message("van_ban_kind", lang, got=ctx.get("tag", got)))
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        ctx["expected"] = expected.replace(" or ", " hoặc " if lang == "vi" else " or ")
    if kind in ("date_form", "date_impossible", "url", "abbreviation") and "value" not in ctx:
        ctx["value"] = err.get("input")
    known = kind in _KNOWN_TYPES
    text = message(kind if known else "invalid", lang, got=got,
                   detail=err.get("msg", kind), **ctx)
    return _at(located, name, path, text)


_KNOWN_TYPES = {
    "string_type", "int_type", "int_parsing", "int_from_float", "float_type",
    "float_parsing", "greater_than_equal", "literal_error", "list_type", "dict_type",
    "model_type", "too_short", "date_type", "date_form", "date_impossible", "blank", "url",
    "abbreviation", "authority", "file_key", "string_pattern_mismatch", "string_too_long",
    "less_than_equal",
}


def describe(value: object, lang: Lang) -> str:
    """A short, human description of what the user wrote."""
    vi = lang == "vi"
    if value is None:
        return "giá trị trống" if vi else "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dict):
        return "một bảng khóa: giá trị" if vi else "a mapping"
    if isinstance(value, list):
        return "một danh sách" if vi else "a list"
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


def _suggestion(root: type[BaseModel], parent: DataPath, key: str, lang: Lang) -> str:
    model = _model_at(root, parent)
    if model is None:
        return ""
    close = difflib.get_close_matches(key, list(model.model_fields), n=1, cutoff=0.6)
    return message("did_you_mean", lang, suggestion=close[0]) if close else ""


def _unwrap(tp: Any) -> Any:
    """The inner type of ``X | None`` and ``Annotated[X, …]``."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(args) != 1:
                return tp
            tp = args[0]
        else:
            return tp


def _model_at(root: type[BaseModel], path: DataPath) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``path`` of ``root``, if any."""
    tp: Any = root
    for part in path:
        tp = _unwrap(tp)
        origin = typing.get_origin(tp)
        if isinstance(tp, type) and issubclass(tp, BaseModel) and isinstance(part, str):
            field = tp.model_fields.get(part)
            if field is None:
                return None
            tp = field.annotation
        elif origin is list:
            tp = typing.get_args(tp)[0]
        elif origin is dict:
            tp = typing.get_args(tp)[1]
        else:
            return None
    tp = _unwrap(tp)
    return tp if isinstance(tp, type) and issubclass(tp, BaseModel) else None
