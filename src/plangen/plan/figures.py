"""The figures of the result reports, computed from the data, never typed by hand.

Why: a Sở adds up reports from many schools, so every number must follow from the data
the same way each time. Pure functions, tested against figures checked by hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from plangen.plan.model import Campaign
from plangen.plan.records import LEVELS, REGISTRATION_KINDS, Registration, Result, YearResults
from plangen.spec import vn


@dataclass(frozen=True)
class TargetRow:
    """One target against what was done: the rate is actual / planned in percent."""

    key: str
    description: str
    planned: float
    unit: str
    actual: float | None
    rate: float | None


@dataclass(frozen=True)
class RegistrationRow:
    """A registration and its result (None when nothing was reported for it)."""

    registration: Registration
    result: Result | None


def target_rows(campaign: Campaign, year: YearResults | None) -> list[TargetRow]:
    """Every target of the campaign with the year's actual value and rate."""
    rows = []
    for key, target in campaign.targets.items():
        actual = year.targets.get(key) if year is not None else None
        rate = None
        if actual is not None and target.value:
            rate = round(actual / target.value * 100, 1)
        rows.append(TargetRow(key, target.description, target.value, target.unit, actual, rate))
    return rows


def registration_rows(registrations: Sequence[Registration],
                      results: Sequence[Result]) -> list[RegistrationRow]:
    """Each registration with its result in ``results``, in registration order."""
    by_id = {r.id: r for r in results}
    return [RegistrationRow(reg, by_id.get(reg.id)) for reg in registrations]


def counts(rows: Sequence[RegistrationRow]) -> dict[str, dict[str, int]]:
    """Registrations counted by kind, then by completion level ("Chưa báo cáo" when none)."""
    table: dict[str, dict[str, int]] = {
        kind: dict.fromkeys((*LEVELS, "Chưa báo cáo"), 0) for kind in REGISTRATION_KINDS}
    for row in rows:
        level = row.result.level if row.result else "Chưa báo cáo"
        table[row.registration.kind][level] += 1
    return table


def kind_totals(rows: Sequence[RegistrationRow]) -> dict[str, int]:
    """How many registrations of each kind."""
    return {kind: sum(r.registration.kind == kind for r in rows) for kind in REGISTRATION_KINDS}


def level_totals(rows: Sequence[RegistrationRow]) -> dict[str, int]:
    """How many registrations at each completion level (and not yet reported)."""
    table = counts(rows)
    return {level: sum(table[kind][level] for kind in REGISTRATION_KINDS)
            for level in (*LEVELS, "Chưa báo cáo")}


def replicable(rows: Sequence[RegistrationRow]) -> int:
    """How many registrations were reported as fit to be replicated."""
    return sum(1 for r in rows if r.result is not None and r.result.replicable)


def latest_results(years: dict[int, YearResults]) -> list[Result]:
    """Each registration's latest result over the years (the final report's view)."""
    latest: dict[str, Result] = {}
    for year in sorted(years):
        latest.update({r.id: r for r in years[year].registrations})
    return list(latest.values())


def results_of(which: str | int, years: dict[int, YearResults]) -> list[Result]:
    """The results of one year, or each registration's latest (``tong-ket``)."""
    if which == "tong-ket":
        return latest_results(years)
    return list(years[int(which)].registrations) if int(which) in years else []


def award_rows(registrations: Sequence[Registration], results: Sequence[Result],
               levels: Sequence[str]) -> list[RegistrationRow]:
    """The registrations whose result is at one of ``levels``, in registration order."""
    return [row for row in registration_rows(registrations, results)
            if row.result is not None and row.result.level in levels]


def level_names(rows: Sequence[RegistrationRow]) -> dict[str, float]:
    """Counts by level under names a plan's Jinja can write (``hoan_thanh_tot``), with the
    total, the registrations fit to replicate and the rate of "Hoàn thành tốt" in percent."""
    totals = level_totals(rows)
    named: dict[str, float] = {vn.slug(level).replace("-", "_"): count
                               for level, count in totals.items()}
    named["tong"] = len(rows)
    named["nhan_rong"] = replicable(rows)
    named["ty_le_hoan_thanh_tot"] = (round(totals["Hoàn thành tốt"] / len(rows) * 100, 1)
                                     if rows else 0.0)
    return named
