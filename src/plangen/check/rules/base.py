"""What every rule module shares: findings, the registry of checks, small helpers.

Why: one function per rule, each yielding its findings (or saying it could not decide),
so a broken rule points at exactly one function and a test can break exactly one rule.
Allowed ranges come from ``nd30``, the same numbers the renderer writes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from plangen.check.read.facts import Paragraph
from plangen.check.read.layout import Layout, RuleMark
from plangen.spec import nd30


@dataclass(frozen=True)
class Finding:
    """A rule broken at one place."""

    code: str
    where: str
    excerpt: str
    vi: str
    en: str


@dataclass(frozen=True)
class NotChecked:
    """A rule this file does not let the checker decide, and why."""

    code: str
    vi: str
    en: str


Result = Finding | NotChecked
Check = Callable[[Layout], Iterable[Result]]
CHECKS: dict[str, Check] = {}


def rule(code: str) -> Callable[[Check], Check]:
    """Register ``fn`` as the check of rule ``code``."""
    def register(fn: Check) -> Check:
        CHECKS[code] = fn
        return fn
    return register


_DECIMAL = re.compile(r"(?<![\d.])(\d+)\.(\d+)(?![\d.])")


def _decimal_commas(text: str) -> str:
    """3.94 → 3,94 outside quotes; quoted text (the document's own words) is kept."""
    parts = text.split('"')
    return '"'.join(_DECIMAL.sub(r"\1,\2", part) if i % 2 == 0 else part
                    for i, part in enumerate(parts))


def found(code: str, p: Paragraph | None, vi: str, en: str, where: str = "") -> Finding:
    """A finding at paragraph ``p`` (or at ``where`` when it is not a paragraph).

    Numbers in the Vietnamese text get a decimal comma (3,94 cm).
    """
    vi = _decimal_commas(vi)
    if p is None:
        return Finding(code, where, "", vi, en)
    return Finding(code, f"{p.where} ¶{p.index + 1}", " ".join(p.text.split())[:60], vi, en)


def missing(code: str, vi: str, en: str) -> NotChecked:
    return NotChecked(code, f"không tìm thấy {vi}", f"{en} not found")


def sizes(p: Paragraph) -> set[float]:
    return {r.size_pt for r in p.runs if r.text.strip() and r.size_pt is not None}


def all_bold(p: Paragraph) -> bool:
    runs = [r for r in p.runs if r.text.strip()]
    return bool(runs) and all(r.bold for r in runs)


def all_italic(p: Paragraph) -> bool:
    runs = [r for r in p.runs if r.text.strip()]
    return bool(runs) and all(r.italic for r in runs)


def any_bold(p: Paragraph) -> bool:
    return any(r.bold for r in p.runs if r.text.strip())


def any_italic(p: Paragraph) -> bool:
    return any(r.italic for r in p.runs if r.text.strip())


def is_caps(text: str) -> bool:
    return text == text.upper() and any(ch.isalpha() for ch in text)


def pt(value: float) -> str:
    return f"{value:g} pt"


def check_size(code: str, p: Paragraph, allowed: nd30.Range, what: tuple[str, str]
               ) -> Iterator[Finding]:
    """A finding for each size of ``p`` outside ``allowed``."""
    for size in sorted(sizes(p)):
        if not allowed.allows(size):
            yield found(code, p, f"{what[0]} cỡ {pt(size)}, phải từ {pt(allowed.lo)} "
                        f"đến {pt(allowed.hi)}", f"{what[1]} is {pt(size)}, must be "
                        f"{pt(allowed.lo)} to {pt(allowed.hi)}")


def check_rule_length(code: str, mark: RuleMark | None, text_cm: float,
                      ratio: nd30.Range, near: Paragraph, what: tuple[str, str]
                      ) -> Iterator[Result]:
    """The rule under a text exists and its length is ``ratio`` of the text's width."""
    if mark is None:
        yield found(code, near, f"thiếu đường kẻ dưới {what[0]}", f"no rule under {what[1]}")
        return
    if mark.length_cm is None:
        yield NotChecked(code, "đường kẻ vẽ bằng VML, không đo được độ dài",
                         "the rule is a VML shape whose length is not measured")
        return
    lo, hi = ratio.lo * text_cm, ratio.hi * text_cm
    if not lo - 0.05 <= mark.length_cm <= hi + 0.05:
        yield found(code, mark.paragraph,
                    f"đường kẻ dưới {what[0]} dài {mark.length_cm:.2f} cm, phải từ {lo:.2f} "
                    f"đến {hi:.2f} cm", f"the rule under {what[1]} is {mark.length_cm:.2f} cm,"
                    f" must be {lo:.2f} to {hi:.2f} cm")
