"""Load a plan file: read YAML → validate the model → check cross-field rules → evaluate text.

Why: this is the one entrance for plan data, so every problem a user can make is found
here and reported in one run, each as ``file:line:col: field.path: message`` in the
user's language. Nothing after this stage sees an invalid plan.
"""

from __future__ import annotations

import difflib
import types
import typing
from dataclasses import replace
from hashlib import sha256
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from plangen.errors import PlanError, Problem
from plangen.messages import Lang, message
from plangen.plan import templating
from plangen.plan.consistency import check_plan, check_ready
from plangen.plan.model import ENTRY_MODELS, Entry, Plan, VanBanTenLoai
from plangen.plan.partial import Pruned, well_formed
from plangen.plan.problems import RuleProblem
from plangen.plan.yamlread import (
    DATA_LIMITS,
    PLAN_LIMITS,
    DataPath,
    Limits,
    Located,
    YamlRejected,
    read_yaml,
    scalar_paths,
    scalars,
    value_at,
)
from plangen.spec import fill, mau


def load_plan(path: Path, lang: Lang = "vi") -> Plan:
    """The validated plan of file ``path``; raises :class:`PlanError` with every problem."""
    return read_plan(path, lang)[0]


def read_plan(path: Path, lang: Lang = "vi") -> tuple[Plan, str]:
    """The validated plan of file ``path`` and the sha256 of the bytes it was read from:
    the file is read once, so the manifest names the plan the documents were made of even
    when an editor saves it again during the build."""
    plan, digest, _located = read_plan_located(path, lang)
    return plan, digest


def read_plan_located(path: Path, lang: Lang = "vi", final: bool = False
                      ) -> tuple[Plan, str, Located]:
    """:func:`read_plan`, with the file's values and their positions (its documents all
    in ``van_ban``: :func:`list_documents`), for the fields evaluated later
    (:func:`resolve_deferred`); with ``final``, what a build that is not a draft needs is
    checked too."""
    raw = _read_bytes(path, lang)
    located = _decode(raw, str(path), lang)
    return (_validate(located, str(path), lang, final), sha256(raw).hexdigest(),
            list_documents(located))


def resolve_deferred(plan: Plan, located: Located, name: str, extra: dict[str, Any],
                     lang: Lang = "vi") -> Plan:
    """The plan with the texts that quote the data files' names (``ket_qua``,
    ``bao_cao``) evaluated over the plan's names and ``extra``, computed from those files;
    every problem located in the plan file."""
    if not any(templating.uses_data(str(text)) for text in scalars(located.data)):
        return plan
    failed: list[templating.TemplateProblem] = []
    resolved = templating.resolve(located.data, templating.context(plan) | extra, failed)
    if failed:
        raise PlanError([_template_problem(located, name, p, lang) for p in failed])
    return _model(resolved, located, name, lang)


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
    return _parse(decode_utf8(raw, name, lang), name, lang, limits)


def decode_utf8(raw: bytes, name: str, lang: Lang) -> str:
    """The text of file ``name``, or :class:`PlanError` saying where its first byte that
    is not UTF-8 is (a file saved as Windows-1258 or TCVN3 by an old editor)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        col = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        raise PlanError([Problem(name, line, col, "", message(
            "not_utf8", lang, byte=raw[err.start], line=line, col=col))]) from None


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


TOP_KIND = "KH"
"""The kind of a document written at the top level of the file without ``kind``."""


def list_documents(located: Located) -> Located:
    """The file's data with a document written at its top level (the Kế hoạch of plans
    written before every document was listed in ``van_ban``) moved to the head of
    ``van_ban``, so that every document is read, checked and built the same way; the
    positions follow, and messages show the paths the file has (``Located.origin``).

    A top-level key belongs to that document when it is no field of the plan's shared data
    but a field of some document (``trich_yeu``, ``body``, ``dieu``…); ``kind`` names its
    kind (Kế hoạch when absent)."""
    data = located.data
    if not isinstance(data, dict) or _entry_fields().isdisjoint(set(data) - set(Plan.model_fields)):
        return located
    shared = {k: v for k, v in data.items() if k in Plan.model_fields or not _is_doc_key(k)}
    document = {k: v for k, v in data.items() if k not in shared}
    listed = data.get("van_ban")
    others = listed if isinstance(listed, list) else []
    moved = {**shared, "van_ban": [{"kind": TOP_KIND, **document}, *others]}
    if listed is not None and not isinstance(listed, list):
        moved["van_ban"] = listed  # refused as it stands; the top document is read alone
    def shift(path: DataPath) -> DataPath:
        if path and path[0] in document:
            return ("van_ban", 0, *path)
        if path[:1] == ("van_ban",) and len(path) > 1 and isinstance(path[1], int):
            return ("van_ban", path[1] + 1, *path[2:])
        return path
    values = {shift(k): v for k, v in located.values.items()}
    values.setdefault(("van_ban", 0), located.values.get((), (1, 1)))
    values.setdefault(("van_ban",), located.values.get((), (1, 1)))
    return Located(moved, values, {shift(k): v for k, v in located.keys.items()},
                   {shift(k) for k in located.block_scalars},
                   {shift(k): v for k, v in located.spans.items()}, top_document=True)


def _entry_fields() -> set[str]:
    """Every field a document of some kind may have, but ``kind`` (alone it makes none)."""
    _registered()
    return {name for model in ENTRY_MODELS.values() for name in model.model_fields} - {"kind"}


def _is_doc_key(key: str) -> bool:
    return key in _entry_fields() or key == "kind"


def _registered() -> None:
    """The kinds are registered (their entry models make the plan's union of documents).
    Imported here, not at the top: the registry is built on the plan package."""
    import plangen.kinds  # noqa: F401


def _validate(located: Located, name: str, lang: Lang, final: bool = False) -> Plan:
    """The plan of ``located``, or :class:`PlanError` with every problem: the model's,
    then the content rules' and the Jinja names' on what is well-formed (``partial``),
    and with ``final`` what a build that is not a draft needs (``check_ready``)."""
    located = list_documents(located)
    _registered()
    try:
        plan = Plan.model_validate(located.data)
    except ValidationError as err:
        raise _partly_checked(located, name, lang, err, final) from None
    problems, resolved = _later_problems(plan, located, name, lang)
    if problems:  # told with them; alone, they wait for the data files (datafiles.load_bundle)
        ready = ready_problems(plan, located, name, lang) if final else []
        raise PlanError(_in_file_order(problems + ready), partial=plan)
    # Second pass: text that quotes other text (a task that names a date, printed by a
    # section's loop) sees the evaluated values. Two passes cover one level of quoting.
    failed: list[templating.TemplateProblem] = []
    first = _model(resolved, located, name, lang)
    resolved = templating.resolve(located.data, templating.context(first), failed,
                                  later=True)
    if failed:
        raise PlanError([_template_problem(located, name, p, lang) for p in failed])
    plan = _model(resolved, located, name, lang)
    quoted = [path for path in templating.unresolved(resolved)
              if "raw %}" not in str(value_at(located.data, path))]  # {% raw %} is meant
    if quoted:
        raise PlanError([_at(located, name, path, message("jinja_nested", lang))
                         for path in quoted])
    return plan


def _partly_checked(located: Located, name: str, lang: Lang, err: ValidationError,
                    final: bool) -> PlanError:
    """The model's problems, and those the later checks find in what is well-formed."""
    problems = _model_problems(Plan, err, located, name, lang)
    kept = well_formed(Plan, located.data, err.errors(), _data_path)
    if kept is None:  # a part every check needs is wrong (the issuer, the list of documents)
        return PlanError(_in_file_order(problems))
    plan, pruned = kept
    later, _resolved = _later_problems(plan, located, name, lang, pruned)
    ready = ready_problems(plan, located, name, lang, pruned) if final else []
    # The data files are read with the campaign and the names of the files: when a part
    # of either was left out, what they would say of the data files is not known.
    whole = not any(path[0] in ("campaign", "data") for path in pruned.removed)
    return PlanError(_in_file_order(problems + later + ready), partial=plan if whole else None)


NOTHING_LEFT_OUT = Pruned(frozenset())


def _later_problems(plan: Plan, located: Located, name: str, lang: Lang,
                    pruned: Pruned = NOTHING_LEFT_OUT) -> tuple[list[Problem], Any]:
    """The content rules' and the Jinja names' problems of a well-formed ``plan`` (what
    is left of the file's data once ``pruned``), and the file's data evaluated; a finding
    that only follows from what was left out is not one."""
    problems = _rule_problems(check_plan(plan), located, name, lang, pruned)
    failed: list[templating.TemplateProblem] = []
    resolved = templating.resolve(located.data, templating.context(plan), failed, later=True)
    hidden = pruned.names(located.data, _entry_fields()) if pruned.removed else frozenset()
    problems += [_template_problem(located, name, p, lang) for p in failed
                 if not (p.code in UNKNOWN_NAME and p.detail in hidden)]
    return problems, resolved


UNKNOWN_NAME = frozenset(("jinja_undefined", "jinja_no_campaign"))


def ready_problems(plan: Plan, located: Located, name: str, lang: Lang,
                   pruned: Pruned = NOTHING_LEFT_OUT) -> list[Problem]:
    """What a final build (not ``--draft``) needs of the plan's documents and is missing
    (``consistency.check_ready``), and every value still to fill in (``<<cần điền: …>>``,
    as ``plangen import`` leaves what it could not find), located in file ``name``."""
    unprinted = _unprinted(plan)
    to_fill = [_at(located, name, path, message("ready_to_fill", lang, text=value))
               for path, value in scalar_paths(located.data)
               if isinstance(value, str) and fill.is_to_fill(value) and path[0] not in unprinted]
    return _rule_problems(check_ready(plan), located, name, lang, pruned) + to_fill


def _unprinted(plan: Plan) -> frozenset[str]:
    """Shared values no document of the plan prints, so that one still to fill in stops
    no build: the place, when every document is one without a date line (a Biên bản
    imported alone, whose place nothing gave) and the plan makes no reports."""
    if plan.data is None and not any(e.ten_loai.profile.date_line for e in plan.van_ban):
        return frozenset({"place"})
    return frozenset()


def _rule_problems(found: list[RuleProblem], located: Located, name: str, lang: Lang,
                   pruned: Pruned) -> list[Problem]:
    rules = (replace(p, path=pruned.original(p.path)) for p in found)
    return [rule_problem(located, name, p, lang) for p in rules
            if not pruned.hides_rule(p.code, p.path)]


def _in_file_order(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.line, p.col))


def _model(data: Any, located: Located, name: str, lang: Lang) -> Plan:
    _registered()
    return validate_located(Plan, data, located, name, lang)


M = typing.TypeVar("M", bound=BaseModel)


def validate_located(model: type[M], data: Any, located: Located, name: str,
                     lang: Lang) -> M:
    """``data`` validated as ``model``; every problem located in file ``name``."""
    try:
        return model.model_validate(data)
    except ValidationError as err:
        raise PlanError(_in_file_order(_model_problems(model, err, located, name, lang))
                        ) from None


def _model_problems(model: type[BaseModel], err: ValidationError, located: Located,
                    name: str, lang: Lang) -> list[Problem]:
    """The model's errors, each located and said in ``lang``."""
    problems = [_pydantic_problem(model, located, name, e, lang) for e in err.errors()]
    for e in err.errors():
        if e["type"] == "union_tag_invalid":
            problems += _unknown_kind_fields(_data_path(e["loc"]), located, name, lang)
    return problems


def _unknown_kind_fields(path: DataPath, located: Located, name: str, lang: Lang
                         ) -> list[Problem]:
    """A document of an unknown kind is still read as a Mẫu 1.4 document for the fields
    such a document has, so that their mistakes are named in the same run (a wrong kind
    does not hide a wrong number)."""
    entry = value_at(located.data, path)
    if not isinstance(entry, dict):
        return []
    known = {k: v for k, v in entry.items() if k in VanBanTenLoai.model_fields}
    try:
        VanBanTenLoai.model_validate({**known, "kind": TOP_KIND})
    except ValidationError as err:
        return [_pydantic_problem(VanBanTenLoai, located, name,
                                  {**e, "loc": (*path, *e["loc"])}, lang)
                for e in err.errors() if e["type"] != "missing"]
    return []


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
    return Problem(name, line, col, dotted(located.origin(path)), text)


def _line_in_text(located: Located, path: DataPath, line_in_text: int) -> tuple[int, int]:
    """Line and column of line ``line_in_text`` (from 1) of the text at ``path``; the
    field's own when 0."""
    line, col = _position(located, path)
    if line_in_text:
        # A block scalar (| or >) starts on the line after its indicator.
        offset = 0 if path in located.block_scalars else -1
        line += line_in_text + offset
    return line, col


def rule_problem(located: Located, name: str, problem: RuleProblem, lang: Lang) -> Problem:
    """A broken cross-field rule, at its line in file ``name``."""
    line, col = _line_in_text(located, problem.path, problem.line_in_text)
    return Problem(name, line, col, dotted(located.origin(problem.path)),
                   message(problem.code, lang, **problem.values))


def _template_problem(located: Located, name: str, problem: templating.TemplateProblem,
                      lang: Lang) -> Problem:
    line, col = _line_in_text(located, problem.path, problem.line_in_text)
    hint = (message("did_you_mean", lang, suggestion=problem.suggestion)
            if problem.suggestion else "")
    text = message(problem.code, lang, detail=problem.detail, hint=hint)
    return Problem(name, line, col, dotted(located.origin(problem.path)), text)


# -- translating pydantic's errors -----------------------------------------------------


def _data_path(loc: tuple[int | str, ...]) -> DataPath:
    """Drop pydantic's own markers (``[key]``, ``function-after[…]``) from a location, and
    the tag a discriminated union adds after a list item (``van_ban[1].QĐ.dieu``)."""
    kept = [p for p in loc if isinstance(p, int) or not ("[" in p or "(" in p)]
    return tuple(p for i, p in enumerate(kept)
                 if not (i and isinstance(kept[i - 1], int) and p in ENTRY_MODELS))


def known_kinds() -> str:
    """``KH (Kế hoạch), QĐ (Quyết định), …``: the kinds a document may have, for messages."""
    _registered()
    return ", ".join(f"{code} ({mau.name_of(code)})" for code in ENTRY_MODELS)


def _pydantic_problem(model: type[BaseModel], located: Located, name: str, err: ErrorDetails,
                      lang: Lang) -> Problem:
    path = _data_path(err["loc"])
    kind = err["type"]
    ctx = dict(err.get("ctx") or {})
    got = describe(err.get("input"), lang)
    if kind == "extra_forbidden":
        key = str(path[-1]) if path else ""
        owner = _model_at(model, path[:-1], located.data)
        if owner is not None and issubclass(owner, Entry) and key in _entry_fields():
            code = str(value_at(located.data, (*path[:-1], "kind")))
            return _at(located, name, path, message("key_not_for_kind", lang, key=key, code=code,
                                                    name=mau.name_of(code)), key=True)
        hint = _suggestion(model, path[:-1], key, lang, located)
        return _at(located, name, path, message(kind, lang, key=key, hint=hint), key=True)
    if kind == "missing":
        line, col = _position(located, path[:-1])  # the mapping that lacks the key
        return Problem(name, line, col, dotted(located.origin(path)), message(kind, lang))
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        return _at(located, name, (*path, "kind") if kind == "union_tag_invalid" else path,
                   message("document_kind", lang, got=ctx.get("tag", "—"), known=known_kinds()))
    if kind == "string_type" and isinstance(err.get("input"), dict) and len(err["input"]) == 1:
        ((key, value),) = err["input"].items()
        typed = f"{key}: {value}"
        curly = any(q in typed for q in "“”‘’")
        plain = typed.strip("“”‘’\"")
        return _at(located, name, path, message("text_with_colon_curly" if curly
                                                 else "text_with_colon", lang, text=plain))
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        ctx["expected"] = expected.replace(" or ", " hoặc " if lang == "vi" else " or ")
    if kind in ("date_form", "date_impossible", "url", "abbreviation", "moment_form",
                "signer_key") and "value" not in ctx:
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
    "less_than_equal", "moment_form", "signer_key",
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


def _suggestion(root: type[BaseModel], parent: DataPath, key: str, lang: Lang,
                located: Located) -> str:
    model = _model_at(root, parent, located.data)
    if model is None:
        return ""
    names = list(model.model_fields)
    if located.origin(parent) == () or parent == ():  # the file's top level: both kinds of key
        names += [*Plan.model_fields, *_entry_fields()]
    close = difflib.get_close_matches(key, [n for n in names if n != key], n=1, cutoff=0.6)
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


def _model_at(root: type[BaseModel], path: DataPath, data: Any = None
              ) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``path`` of ``root``, if any (a
    document's, chosen by its ``kind`` in ``data``)."""
    tp: Any = root
    for depth, part in enumerate(path):
        tp = _by_kind(_unwrap(tp), value_at(data, path[:depth]))
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
    tp = _by_kind(_unwrap(tp), value_at(data, path))
    return tp if isinstance(tp, type) and issubclass(tp, BaseModel) else None


def _by_kind(tp: Any, value: Any) -> Any:
    """A document's own model, by the ``kind`` its data names, for the shared base."""
    if tp is Entry and isinstance(value, dict):
        return ENTRY_MODELS.get(str(value.get("kind")), tp)
    return tp
