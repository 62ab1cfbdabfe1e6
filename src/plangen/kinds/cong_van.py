"""Công văn (Mẫu 1.5): the letters the plan lists in ``van_ban`` with ``kind: CV``, for
example the one that sends a year's report to the Sở.

Why: a công văn's text can quote the generated report's number and date
(``{{ bao_cao[2024].so_ky_hieu }}``), so the letter and the report never disagree.
"""

from __future__ import annotations

from plangen.kinds import Kind, Made, trail
from plangen.kinds.quyet_dinh import KIND as DECISION
from plangen.plan import model
from plangen.plan.datafiles import Bundle
from plangen.plan.document import Letter, Recipients
from plangen.plan.textblocks import text_blocks
from plangen.render.layouts import mau_1_5


def letter(bundle: Bundle, entry: model.CongVan) -> Letter:
    """The công văn ``entry`` of the plan as its layout builder reads it."""
    return Letter(**trail.issued_parts(bundle.plan, entry), unit=entry.unit,
                  body=tuple(text_blocks(entry.content)),
                  recipients=Recipients(kinh_gui=tuple(entry.kinh_gui),
                                        noi_nhan=tuple(entry.noi_nhan)))


def _sources(bundle: Bundle) -> list[Made[Letter]]:
    return [Made(entry.key, letter(bundle, entry))
            for entry in trail.entries(bundle, model.CongVan)]


KIND: Kind[Letter] = Kind(
    name="cong-van", file_name="cong-van-{key}.docx", sources=_sources,
    layout=mau_1_5.build, checked_as="van-ban", needs="needs_van_ban",
    manifest=DECISION.manifest)
