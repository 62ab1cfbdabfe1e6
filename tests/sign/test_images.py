"""The images of a signature: PNG or refused, transparent or warned about, and their
colour (blue signature, red seal) read from the drawn pixels."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from plangen.sign import images
from signing import seal_png, signature_png


def test_png_transparency_and_colour(tmp_path: Path) -> None:
    signature = images.load_png(signature_png(tmp_path / "ky.png"))
    assert signature.transparent and signature.colour == "blue"
    seal = images.load_png(seal_png(tmp_path / "dau.png"))
    assert seal.transparent and seal.colour == "red"
    opaque = images.load_png(signature_png(tmp_path / "trang.png", transparent=False))
    assert not opaque.transparent and opaque.colour == "blue"
    black = images.load_png(signature_png(tmp_path / "den.png", colour=(10, 10, 10)))
    assert black.colour == "other"


def test_an_opaque_alpha_channel_is_not_transparency(tmp_path: Path) -> None:
    path = tmp_path / "alpha-day-du.png"
    Image.new("RGBA", (40, 20), (0, 0, 200, 255)).save(path)
    assert not images.load_png(path).transparent


@pytest.mark.parametrize("make", [
    lambda p: Image.new("RGB", (40, 20), (0, 0, 200)).save(p, "JPEG"),
    lambda p: p.write_text("không phải ảnh", encoding="utf-8"),
    lambda p: p.write_bytes(images.PNG_SIGNATURE + b"\x00" * 20),  # a PNG cut short
])
def test_what_is_not_a_png_is_refused(tmp_path: Path, make: object) -> None:
    path = tmp_path / "chu-ky.png"
    make(path)  # type: ignore[operator]
    with pytest.raises(images.NotPng):
        images.load_png(path)


def test_resolution_recorded_in_the_png_gives_its_printed_width(tmp_path: Path) -> None:
    path = tmp_path / "ky.png"
    Image.new("RGBA", (600, 200), (0, 0, 200, 0)).save(path, dpi=(300, 300))
    assert images.load_png(path).size.width_pt == pytest.approx(144.0, abs=0.01)


def test_large_images_are_embedded_at_300_dpi() -> None:
    big = Image.new("RGBA", (4000, 1000))
    assert images.scaled_for(big, 144).size == (600, 150)
    small = Image.new("RGBA", (100, 50))
    assert images.scaled_for(small, 144) is small


def test_an_image_written_into_a_pdf_reads_back(tmp_path: Path) -> None:
    import io

    from pyhanko.pdf_utils.images import pil_image
    from pyhanko.pdf_utils.writer import PdfFileWriter

    writer = PdfFileWriter()
    picture = images.load_png(seal_png(tmp_path / "dau.png", size=64)).image
    ref = pil_image(picture, writer)
    out = io.BytesIO()
    writer.write(out)
    back = images.from_pdf(ref.get_object())
    assert back is not None and back.size == (64, 64)
    assert images.has_transparency(back) and images.dominant_colour(back) == "red"
