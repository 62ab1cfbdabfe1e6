"""What every document of a plan gets the same way when it becomes a document model: the
issuer (and the bodies of a joint document), the ký hiệu, number and date, the signers,
the mẫu profile, the Phụ lục.

Why: a Kế hoạch, a Quyết định and a Biên bản differ in their content, not in these; making
them in one place keeps each kind's module about what is its own.
"""

from __future__ import annotations

from typing import Any

from plangen.plan import model
from plangen.plan.datafiles import Bundle
from plangen.plan.document import (
    Annex,
    BlocksAnnex,
    NumberAndDate,
    SignatureBlock,
    TemplateAnnex,
)
from plangen.plan.model import Entry, Plan, Signer
from plangen.plan.textblocks import table_block, text_blocks
from plangen.spec import mau


def signer(plan: Plan, chosen: Signer | str | None) -> Signer:
    """The signer a document names, or the plan's (the checks before the build make sure
    there is one)."""
    found = plan.signer_of(chosen)
    if found is None:  # refused by the plan's rules (signer_missing, unknown_signer)
        raise ValueError("a document without a signer reached the build")
    return found


def issued_parts(bundle: Bundle, entry: Entry, profile: mau.Profile | None = None
                 ) -> dict[str, Any]:
    """The fields of a document model every entry gives the same way: kind and profile
    (joint when the entry is), issuer and co-issuers, ký hiệu, number and date (the plan's
    place), trích yếu, signer and signature blocks, the day its properties give."""
    plan = bundle.plan
    own = signer(plan, entry.signer) if entry.uses_signer else Signer()
    profile = profile or entry.ten_loai.profile
    parts: dict[str, Any] = {
        "kind": entry.kind,
        "profile": profile,
        "issuer": plan.issuer,
        "ky_hieu": entry.ky_hieu(plan.issuer),
        "number": NumberAndDate(number=entry.number, place=plan.place, issued_on=entry.day,
                                de_trong=frozenset(entry.de_trong)),
        "trich_yeu": entry.trich_yeu,
        "signer": own,
    }
    if entry.lien_tich:
        # [PRACTICE] The other bodies sign on the left, the issuing body on the right.
        parts["profile"] = profile.joint(len(entry.lien_tich) + 1)
        parts["co_issuers"] = tuple(co.issuer for co in entry.lien_tich)
        parts["signatures"] = (*(SignatureBlock(signer=signer(plan, co.signer))
                                 for co in entry.lien_tich), SignatureBlock(signer=own))
    return parts


def annexes(plan: Plan, listed: list[model.Annex]) -> tuple[Annex, ...]:
    """The Phụ lục a document lists, as the layout builder reads them."""
    return tuple(annex_of(plan, annex) for annex in listed)


def annex_of(plan: Plan, annex: model.Annex) -> Annex:
    """One Phụ lục a document lists, as the layout builder reads it."""
    from plangen.kinds import campaign  # the forms' values; campaign imports this module

    if annex.template is not None:
        return TemplateAnnex(title=annex.title, template=annex.template,
                             context=campaign.template_context(plan))
    if annex.table is not None:
        return BlocksAnnex(title=annex.title, blocks=(
            table_block(annex.table.columns, annex.table.rows),))
    return BlocksAnnex(title=annex.title, blocks=tuple(text_blocks(annex.content or "")))
