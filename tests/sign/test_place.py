"""Where NĐ30's signatures go, as geometry: any gap and any image proportions give a
signature that verify finds centred between position and name, and a seal over its left
third; a signature moved away is caught."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plangen.sign import place
from plangen.sign.geometry import POINTS_PER_MM, Rect
from plangen.sign.locate import Line, Page, SignerBlock


def block(gap_top: float = 673.6, gap_bottom: float = 607.1, centre: float = 404.0,
          ) -> SignerBlock:
    position = Line("HIỆU TRƯỞNG", Rect(centre - 51, gap_top, centre + 51, gap_top + 14), True)
    name = Line("Nguyễn Văn An", Rect(centre - 48, gap_bottom - 14, centre + 48, gap_bottom),
                True)
    return SignerBlock(3, (position,), name, Rect(centre - 51, gap_bottom, centre + 51, gap_top))


@given(gap=st.floats(30, 150), aspect=st.floats(0.3, 6), centre=st.floats(330, 480))
def test_any_signature_sits_centred_in_any_gap(gap: float, aspect: float, centre: float) -> None:
    signer = block(600 + gap, 600, centre)
    rect = place.signer_box(signer, place.ImageSize(round(aspect * 200), 200))
    assert place.signer_problems(rect, signer) == []
    assert rect.height <= gap * place.GAP_FILL + 1e-6
    assert rect.width <= place.MAX_SIGNATURE_WIDTH + 1e-6
    assert rect.width / rect.height == pytest.approx(round(aspect * 200) / 200)


@given(aspect=st.floats(0.5, 4), seal_mm=st.floats(20, 45))
def test_any_seal_covers_the_left_third_at_its_real_size(aspect: float, seal_mm: float) -> None:
    signer = block()
    signature = place.signer_box(signer, place.ImageSize(round(aspect * 100), 100))
    seal = place.seal_box(signature, seal_mm, place.ImageSize(500, 500))
    assert seal.width == pytest.approx(seal_mm * POINTS_PER_MM)
    # its right edge a third into the signature (all of it inside, for a small seal)
    assert seal.x1 == pytest.approx(signature.x0 + signature.width / 3)
    assert signature.overlap_width(seal) == pytest.approx(min(signature.width / 3, seal.width))
    assert place.seal_problems(seal, signature) == []


def test_a_png_with_a_resolution_keeps_its_printed_size_when_it_fits() -> None:
    small = place.ImageSize(300, 100, width_pt=72.0)  # 1 inch wide at 300 dpi
    rect = place.signer_box(block(), small)
    assert (rect.width, rect.height) == (72.0, 24.0)


def test_misplaced_signatures_are_caught() -> None:
    signer = block()
    right = place.signer_box(signer, place.ImageSize(400, 150))
    moved = Rect(right.x0 + 40, right.y0, right.x1 + 40, right.y1)
    assert place.signer_problems(moved, signer) == ["place_signer_not_centred"]
    over_name = Rect(right.x0, right.y0 - 30, right.x1, right.y1 - 30)
    assert place.signer_problems(over_name, signer) == ["place_signer_outside_gap",
                                                        "place_signer_not_centred"]
    seal_right = Rect(right.x1 - 30, right.y0, right.x1 + 70, right.y1)
    assert place.seal_problems(seal_right, right) == ["place_seal_not_left_third"]
    assert place.seal_problems(seal_right, None) == ["place_seal_without_signer"]


def test_attachment_box_top_right_above_the_text() -> None:
    line = Line("Phụ lục I", Rect(85, 760, 552, 786), True)
    page = Page(0, 595.3, 841.9, (line,))
    rect = place.attachment_box(page, text_width=150)
    assert rect.x1 == 552 and rect.y0 > 786
    assert rect.width == pytest.approx(77 * POINTS_PER_MM)
    assert place.attachment_problems(rect, 0, page) == []
    assert place.attachment_problems(rect, 1, page) == ["place_attachment_not_top_right"]
    low = Rect(rect.x0, 500, rect.x1, 520)
    assert place.attachment_problems(low, 0, page) == ["place_attachment_not_top_right"]
    assert place.attachment_box(page, text_width=300).width == 304
