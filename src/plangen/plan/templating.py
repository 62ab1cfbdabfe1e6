"""Jinja expressions inside plan text, evaluated in a sandbox over the plan's own data.

Why: a date, a target or a link written once in the data must change every sentence that
mentions it, so prose says ``{{ campaign.end | ngay }}`` instead of repeating the date.
The sandbox refuses access to Python internals, and StrictUndefined turns a misspelt name
into an error that the loader locates in the YAML.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateSyntaxError, UndefinedError, meta
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from pydantic import BaseModel

from plangen.plan.model import Entry, Plan
from plangen.plan.yamlread import DataPath
from plangen.spec import vn

FILTERS: dict[str, Callable[..., str]] = {
    "ngay": vn.ngay,  # ngày 05 tháng 02 năm 2024
    "ngay_ngan": vn.ngay_ngan,  # 05/02/2024
    "hai_so": vn.hai_so,  # 02
    "la_ma": vn.la_ma,  # IV
    "chu_cai": vn.chu_cai,  # đ
    "so": vn.so,  # 1.234
    "phan_tram": vn.phan_tram,  # 100%
}


CAMPAIGN_NAMES = ("campaign", "phases", "milestones", "targets", "participants", "links")
"""The names that exist only in a plan with a campaign."""


def _environment() -> ImmutableSandboxedEnvironment:
    # trim_blocks/lstrip_blocks: a {% for %} line leaves no blank line in the text.
    env = ImmutableSandboxedEnvironment(undefined=StrictUndefined, autoescape=False,
                                        trim_blocks=True, lstrip_blocks=True,
                                        keep_trailing_newline=False)
    env.filters.update(FILTERS)
    return env


ENV = _environment()


@dataclass(frozen=True)
class TemplateProblem:
    """A text field whose expression failed: where, which code, what detail, which line."""

    path: DataPath
    code: str
    detail: str
    line_in_text: int
    suggestion: str | None = None


def context(plan: Plan) -> dict[str, Any]:
    """The names plan text may use: the plan's fields, shortcuts into the campaign, the
    fields of its first document (``ky_hieu``, ``issued_on``…: the Kế hoạch of a plan
    written with it at the top of the file), and ``tham_chieu``, each document's number
    and date by its file name (``tham_chieu['bien-ban-hop-xet'].so_ky_hieu``)."""
    # A field left out (campaign: none) is no name at all, so using it is reported by name.
    names: dict[str, Any] = {}
    if plan.van_ban:
        first = plan.van_ban[0]
        names.update({name: getattr(first, name) for name in type(first).model_fields
                      if getattr(first, name) is not None})
        names["ky_hieu"] = first.ky_hieu(plan.issuer)
    names.update({name: getattr(plan, name) for name in Plan.model_fields
                  if getattr(plan, name) is not None})
    names["tham_chieu"] = {entry.file_stem: reference(plan, entry) for entry in plan.van_ban}
    campaign = plan.campaign
    if campaign is not None:  # without one, a name like "phases" is reported as unknown
        names.update(phases=campaign.phases, milestones=campaign.milestones,
                     targets=campaign.targets, participants=campaign.participants,
                     links=campaign.links)
    return names


def reference(plan: Plan, entry: Entry) -> dict[str, str]:
    """What another document quotes of ``entry``: ``so_ky_hieu`` ("05/KH-THPTNT", dots
    for a number the văn thư has yet to write), ``ngay`` ("ngày 05 tháng 3 năm 2025"),
    ``trich_yeu`` and ``ten_loai``."""
    number = vn.hai_so(entry.number) if entry.number else vn.DOTS
    day = entry.day
    return {"so_ky_hieu": f"{number}/{entry.ky_hieu(plan.issuer)}",
            "ngay": vn.ngay(day) if day is not None else vn.DOTTED_NGAY,
            "trich_yeu": " ".join(entry.trich_yeu.split()),
            "ten_loai": entry.ten_loai.name}


def has_expression(text: str) -> bool:
    """True when ``text`` holds Jinja syntax worth evaluating."""
    return "{{" in text or "{%" in text or "{#" in text


def render_text(text: str, names: dict[str, Any]) -> str:
    """Evaluate the expressions of one text field; raises Jinja's errors."""
    return _compiled(text).render(names).strip()


@lru_cache(maxsize=4096)
def _compiled(text: str) -> Template:
    """Each text compiled once: the loader evaluates every field twice."""
    return ENV.from_string(text)


def unresolved(data: Any, path: DataPath = ()) -> list[DataPath]:
    """Text fields that still hold an expression after evaluation: text quoting text that
    quotes text, deeper than the two passes follow (texts waiting for the data files
    aside)."""
    if isinstance(data, dict):
        return [p for k, v in data.items() for p in unresolved(v, (*path, k))]
    if isinstance(data, list):
        return [p for i, v in enumerate(data) for p in unresolved(v, (*path, i))]
    return [path] if isinstance(data, str) and ("{{" in data or "{%" in data) \
        and not uses_data(data) else []


def _template_line(err: Exception) -> int:
    """The line of the template where a runtime error happened (Jinja rewrites tracebacks)."""
    line = 0
    tb = err.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _classify(err: Exception) -> tuple[str, str, int]:
    """Message code, the name or detail to show, and the line in the text."""
    if isinstance(err, TemplateSyntaxError):
        text = str(err.message)
        if "end of print statement" in text:
            return "jinja_unclosed", "}}", err.lineno or 0
        if "Unexpected end of template" in text:
            tags = re.findall(r"'(end\w+)'", text)
            return "jinja_unclosed", "{% " + (tags[0] if tags else "end…") + " %}", err.lineno or 0
        return "jinja_syntax", text, err.lineno or 0
    line = _template_line(err)
    if isinstance(err, (SecurityError, UndefinedError)):
        code = "jinja_security" if isinstance(err, SecurityError) else "jinja_undefined"
        text = str(err.message if isinstance(err, UndefinedError) else err)
        names = re.findall(r"'([^']+)'", text)
        # "'x' is undefined" names x; "'… object' has no attribute 'y'" names y;
        # "access to attribute '__class__' of 'str' object is unsafe" names __class__.
        name = names[0] if code == "jinja_security" else names[-1] if names else text
        return code, name if names else text, line
    return "jinja_error", f"{type(err).__name__}: {err}", line


DATA_NAMES = frozenset(("ket_qua", "bao_cao"))
"""Names computed from the data files (counts of results, the reports' numbers): a text
that uses one is evaluated only once those files are read (``plan.load.resolve_deferred``)."""


@lru_cache(maxsize=4096)
def uses_data(text: str) -> bool:
    """``text`` quotes a name computed from the data files (a syntax error is reported when
    the text is evaluated, not here)."""
    if not has_expression(text) or (not DATA_NAMES.intersection(text.replace("{", " ").split()) \
            and not any(name in text for name in DATA_NAMES)):
        return False
    try:
        return bool(DATA_NAMES & meta.find_undeclared_variables(ENV.parse(text)))
    except TemplateSyntaxError:
        return False


def resolve(data: Any, names: dict[str, Any], problems: list[TemplateProblem],
            path: DataPath = (), later: bool = False) -> Any:
    """A copy of ``data`` (plain dicts, lists, strings) with every text field evaluated;
    with ``later``, the texts that quote the data files' names are kept as written."""
    if isinstance(data, dict):
        return {k: resolve(v, names, problems, (*path, k), later) for k, v in data.items()}
    if isinstance(data, list):
        return [resolve(v, names, problems, (*path, i), later) for i, v in enumerate(data)]
    if isinstance(data, str) and has_expression(data) and not (later and uses_data(data)):
        try:
            return render_text(data, names)
        except Exception as err:  # every Jinja failure is the plan author's to fix
            code, detail, line = _classify(err)
            if code == "jinja_undefined" and detail in CAMPAIGN_NAMES and "campaign" not in names:
                code = "jinja_no_campaign"
            close = difflib.get_close_matches(detail, _candidates(err, names), n=1,
                                              cutoff=0.6)
            suggestion = close[0] if code == "jinja_undefined" and close else None
            problems.append(TemplateProblem(path, code, detail, line, suggestion))
            return data
    return data


_OWNER = re.compile(r"'(?:[\w.]+\.)?(\w+) object' has no attribute")


def _candidates(err: Exception, names: dict[str, Any]) -> list[str]:
    """The names a misspelt one was meant to be: a field of the object it was asked of
    (``issuer.nmae`` → ``name``) when the error names a model of the plan, else the plan's
    own names."""
    owner = _OWNER.search(str(err))
    if owner is None:
        return list(names)
    seen: list[Any] = list(names.values())
    i = 0
    while i < min(len(seen), 500):  # the plan's models, a few levels down
        value = seen[i]
        i += 1
        if isinstance(value, BaseModel):
            if type(value).__name__ == owner[1]:
                return list(type(value).model_fields)
            seen += [getattr(value, f) for f in type(value).model_fields]
        elif isinstance(value, (list, tuple)):
            seen += list(value[:3])
        elif isinstance(value, dict):
            seen += list(value.values())[:3]
    return list(names)
