"""Quyết định (Mẫu 1.2): the decisions the plan lists in ``van_ban`` with ``kind: QĐ``;
an award decision takes its list of awardees from the results data, as a Phụ lục.

Why: a campaign ends with a decision that names who is rewarded; the list must be the
one the results say, never retyped.
"""

from __future__ import annotations

from collections.abc import Sequence

from plangen.kinds import Kind, Made, trail
from plangen.plan import figures, model
from plangen.plan.datafiles import Bundle
from plangen.plan.document import BlocksAnnex, Decision, IssuedWith, Recipients
from plangen.plan.textblocks import table_block, text_blocks
from plangen.render.layouts import mau_1_2
from plangen.spec import nd30

AWARD_COLUMNS = ("STT", "Tên mô hình, giải pháp, sáng kiến", "Loại", "Đơn vị, cá nhân thực hiện",
                 "Mức độ hoàn thành")


def award_annex(bundle: Bundle, award: model.AwardList) -> BlocksAnnex:
    """The awardees: every registration whose result (of a year, or the latest of each)
    is at one of the levels, in registration order, numbered (an empty list is refused
    when the data is loaded)."""
    results = figures.results_of(award.results, bundle.results.years)
    rows = figures.award_rows(bundle.registrations, results, award.levels)
    cells = [(str(i), row.registration.name, row.registration.kind.capitalize(),
              str(row.registration.owner), row.result.level if row.result else "")
             for i, row in enumerate(rows, 1)]
    return BlocksAnnex(title=award.title, blocks=(table_block(AWARD_COLUMNS, cells),))


def articles(texts: Sequence[str]) -> list[str]:
    """Each article's text opening with its bold label: ``**Điều 1.** …``."""
    return [f"**{nd30.DIEU_LABEL.format(n=n)}** {text}" for n, text in enumerate(texts, 1)]


def noi_nhan(entry: model.QuyetDinh) -> tuple[str, ...]:
    """Nơi nhận opening with "Như Điều N" (N: the last article, which names who carries the
    decision out), unless the author wrote a "Như Điều" line."""
    if any(line.startswith("Như Điều") for line in entry.noi_nhan):
        return tuple(entry.noi_nhan)
    return (nd30.NHU_DIEU.format(n=len(entry.dieu)), *entry.noi_nhan)


def decision(bundle: Bundle, entry: model.QuyetDinh) -> Decision:
    """The decision ``entry`` of the plan as its layout builder reads it."""
    plan = bundle.plan
    award = (award_annex(bundle, entry.khen_thuong),) if entry.khen_thuong else ()
    return Decision(
        **trail.issued_parts(plan, entry), authority=entry.authority,
        can_cu=tuple(entry.can_cu), theo_de_nghi=entry.theo_de_nghi,
        body=tuple(block for text in articles(entry.dieu) for block in text_blocks(text)),
        recipients=Recipients(noi_nhan=noi_nhan(entry)),
        annexes=award + trail.annexes(plan, entry.phu_luc),
        issues=(IssuedWith(kind=entry.ban_hanh.kind, trich_yeu=entry.ban_hanh.trich_yeu,
                           body=tuple(text_blocks(entry.ban_hanh.content)))
                if entry.ban_hanh else None))


def _sources(bundle: Bundle) -> list[Made[Decision]]:
    return [Made(entry.key, decision(bundle, entry))
            for entry in trail.entries(bundle, model.QuyetDinh)]


KIND: Kind[Decision] = Kind(
    name="quyet-dinh", file_name="quyet-dinh-{key}.docx", sources=_sources,
    layout=mau_1_2.build, checked_as="van-ban", needs="needs_van_ban",
    manifest=("loai_van_ban", "so_ky_hieu", "trich_yeu", "ngay", "nguoi_ky", "quyen_han",
              "tap_the", "chuc_vu_cap_truong", "chuc_vu", "kinh_gui", "noi_nhan"))
