"""How each signature looks on the page, as pyHanko stamp styles: an image filling its
box (the signer's signature, the office's seal), or one line of text (an attachment).

Nothing is drawn around them: no border, no background, full opacity (PDF/A-1 forbids
transparency groups made by an opacity below 1).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory

from plangen.sign.fonts import Font

if TYPE_CHECKING:
    from PIL.Image import Image
    from pyhanko.stamp import BaseStampStyle

TEXT_SIZE = 10  # NĐ30: Times New Roman 10 pt, black, for an attachment's signing text
TEXT_TEMPLATE = "%(info)s"


def image_style(image: Image) -> BaseStampStyle:
    """The image alone, scaled to its box (which has the image's proportions)."""
    from pyhanko.pdf_utils import layout
    from pyhanko.pdf_utils.images import PdfImage
    from pyhanko.stamp import StaticStampStyle

    fill = layout.SimpleBoxLayoutRule(
        x_align=layout.AxisAlignment.ALIGN_MID, y_align=layout.AxisAlignment.ALIGN_MID,
        margins=layout.Margins(0, 0, 0, 0),
        inner_content_scaling=layout.InnerScaling.STRETCH_FILL)
    return StaticStampStyle(background=PdfImage(image), border_width=0,
                            background_opacity=1.0, background_layout=fill)


def text_style(font_data: bytes) -> BaseStampStyle:
    """One line of text, right-aligned in its box, at 10 pt, black, in the font whose
    program is ``font_data`` (see :func:`font_program`)."""
    from pyhanko.pdf_utils import layout
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    engine = _FontProgram(font_file="", font_size=TEXT_SIZE, font_data=font_data)
    box = TextBoxStyle(font=engine, font_size=TEXT_SIZE, border_width=0, text_color=(0, 0, 0))
    place = layout.SimpleBoxLayoutRule(
        x_align=layout.AxisAlignment.ALIGN_MAX, y_align=layout.AxisAlignment.ALIGN_MID,
        margins=layout.Margins(2, 2, 2, 2), inner_content_scaling=layout.InnerScaling.NO_SCALING)
    return TextStampStyle(stamp_text=TEXT_TEMPLATE, text_box_style=box, border_width=0,
                          inner_content_layout=place, background=None)


def font_program(font: Font, text: str) -> bytes:
    """The glyphs of ``text`` from ``font``, at 1000 units per em.

    Why rescaled: pyHanko writes a TrueType font's advance widths into the PDF in the
    font's own units, where PDF expects thousandths of an em; Times New Roman and
    Liberation Serif have 2048 units per em, so every letter would be drawn twice as far
    from the last (seen on the rendered page). At 1000 units the two agree. Subsetting
    first keeps this to a few milliseconds."""
    from fontTools import subset
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.scaleUpem import scale_upem

    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.notdef_outline = True
    with TTFont(font.path) as ttf:
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=text)
        subsetter.subset(ttf)
        scale_upem(ttf, 1000)
        out = io.BytesIO()
        ttf.save(out)
    return out.getvalue()


def attachment_text(number: str, signed_at: datetime) -> str:
    """NĐ30's information for a signed attachment: "Số: …; ngày/tháng/năm; giờ: phút: giây"
    in Vietnam's time zone."""
    offset = signed_at.strftime("%z")
    return (f"Số: {number}; {signed_at:%d/%m/%Y}; {signed_at:%H:%M:%S} "
            f"{offset[:3]}:{offset[3:]}")


def text_width(font_data: bytes, text: str) -> float:
    """The width of ``text`` at :data:`TEXT_SIZE` in the font program ``font_data``, in
    points (Vietnamese letters are single precomposed glyphs in both fonts)."""
    from fontTools.ttLib import TTFont

    with TTFont(io.BytesIO(font_data)) as ttf:
        cmap = ttf.getBestCmap()
        metrics = ttf["hmtx"].metrics
        units = ttf["head"].unitsPerEm
        notdef = metrics[".notdef"][0]
        advance = sum(metrics[cmap[ord(c)]][0] if ord(c) in cmap else notdef for c in text)
    return float(advance) * TEXT_SIZE / float(units)


@dataclass(frozen=True)
class _FontProgram(GlyphAccumulatorFactory):
    """pyHanko's font engine, fed a font program held in memory instead of a file."""

    font_data: bytes = b""

    def create_font_engine(self, writer: Any, obj_stream: Any = None) -> GlyphAccumulator:
        if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
            obj_stream = writer.prepare_object_stream()
        return GlyphAccumulator(writer=writer, font_handle=io.BytesIO(self.font_data),
                                font_size=self.font_size, obj_stream=obj_stream)
