"""The campaign's paper trail: what a Quyết định, a Công văn, a Tờ trình or a Thông báo
the plan lists in ``van_ban`` share when they become document models.

Why: each document of the trail has its own number, date and signer, but the issuer,
place and Phụ lục come from the plan; turning one entry into those parts in one place
keeps the three kinds' modules about what differs between them.
"""

from __future__ import annotations

from typing import Any, TypeVar

from plangen.kinds.ke_hoach import NO_DAY, annex_of
from plangen.plan import model
from plangen.plan.datafiles import Bundle
from plangen.plan.document import Annex, NumberAndDate
from plangen.plan.model import Plan

Entry = TypeVar("Entry", bound=model.Issued)


def entries(bundle: Bundle, kind: type[Entry]) -> list[Entry]:
    """The plan's ``van_ban`` entries of one model, in order."""
    return [e for e in bundle.plan.van_ban if isinstance(e, kind)]


def issued_parts(plan: Plan, entry: model.Issued) -> dict[str, Any]:
    """The fields of a document model every entry gives the same way: issuer, number and
    date (the plan's place), trích yếu, signer (the plan's when the entry names none)."""
    return {
        "issuer": plan.issuer,
        "number": NumberAndDate(number=entry.number, place=plan.place,
                                issued_on=entry.issued_on, de_trong=frozenset(entry.de_trong)),
        "trich_yeu": entry.trich_yeu,
        "signer": entry.signer or plan.signer,
        "undated_day": (entry.issued_on or plan.issued_on
                        or (plan.campaign.end if plan.campaign is not None else NO_DAY)),
    }


def annexes(plan: Plan, listed: list[model.Annex]) -> tuple[Annex, ...]:
    """The Phụ lục an entry lists, as the layout builder reads them."""
    return tuple(annex_of(plan, annex) for annex in listed)
