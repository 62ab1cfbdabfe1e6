"""The PNG images of a signature and a seal: refused when they are not PNG, a warning when
they have no transparent background (NĐ30 asks for "định dạng (.png) nền trong suốt").

Why here: Pillow opens many formats under a ``.png`` name; a JPEG renamed to PNG would be
embedded without complaint and cover the text under it with a white box.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from plangen.sign.geometry import POINTS_PER_MM
from plangen.sign.place import ImageSize

if TYPE_CHECKING:
    from PIL.Image import Image

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Embedded at no more than this resolution at its placed size: a 4000-pixel scan of a
# signature would otherwise make every signed copy megabytes larger.
MAX_DPI = 300


Colour = Literal["blue", "red", "other"]


class NotPng(ValueError):
    """The file is not a PNG image that can be read."""


@dataclass(frozen=True)
class SignatureImage:
    image: Image
    size: ImageSize
    transparent: bool

    @property
    def colour(self) -> Colour:
        return dominant_colour(self.image)


def load_png(path: Path) -> SignatureImage:
    """The image in ``path``; raises :class:`NotPng` when it is not a readable PNG."""
    from PIL import Image, UnidentifiedImageError

    data = path.read_bytes()
    if not data.startswith(PNG_SIGNATURE):
        raise NotPng(path)
    try:
        image: Image.Image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError) as err:
        raise NotPng(path) from err
    transparent = has_transparency(image)
    image = image.convert("RGBA" if transparent else "RGB")
    dpi = image.info.get("dpi")
    width_pt = None
    if dpi and dpi[0] and float(dpi[0]) > 1:
        width_pt = image.width / float(dpi[0]) * 25.4 * POINTS_PER_MM
    return SignatureImage(image, ImageSize(image.width, image.height, width_pt), transparent)


def has_transparency(image: Image) -> bool:
    """Whether some pixel is at least partly transparent (an alpha channel that is opaque
    everywhere does not make a transparent background)."""
    if image.mode == "P" and "transparency" in image.info:
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "PA"):
        low = image.getchannel("A").getextrema()[0]
        return isinstance(low, int | float) and low < 255
    return "transparency" in image.info


def scaled_for(image: Image, width_pt: float) -> Image:
    """``image`` at no more than :data:`MAX_DPI` when printed ``width_pt`` wide."""
    from PIL import Image as PilImage

    limit = max(1, round(width_pt / 72 * MAX_DPI))
    if image.width <= limit:
        return image
    height = max(1, round(image.height * limit / image.width))
    return image.resize((limit, height), PilImage.Resampling.LANCZOS)


def dominant_colour(image: Image) -> Colour:
    """Blue (a signature in ink that does not fade), red (a seal) or other: the mean colour
    of the pixels that are drawn (opaque, and darker than paper)."""
    rgba = image.convert("RGBA")
    if max(rgba.size) > 200:  # the colour of a signature does not need every pixel
        rgba.thumbnail((200, 200))
    totals = [0, 0, 0]
    count = 0
    pixels = rgba.tobytes()
    for start in range(0, len(pixels), 4):
        red, green, blue, alpha = pixels[start:start + 4]
        if alpha < 128 or min(red, green, blue) > 230:
            continue
        totals[0] += red
        totals[1] += green
        totals[2] += blue
        count += 1
    if not count:
        return "other"
    mean_red, mean_green, mean_blue = (t / count for t in totals)
    if mean_blue > mean_red + 30 and mean_blue > mean_green + 10:
        return "blue"
    if mean_red > mean_green + 50 and mean_red > mean_blue + 30:
        return "red"
    return "other"


def from_pdf(xobject: Any) -> Image | None:
    """An image XObject as pyHanko writes one (8-bit RGB or grey, optionally with a soft
    mask) back into a Pillow image; ``None`` for other encodings."""
    from PIL import Image as PilImage

    size = (int(xobject["/Width"]), int(xobject["/Height"]))
    modes = {"/DeviceRGB": "RGB", "/DeviceGray": "L"}
    mode = modes.get(str(xobject.get("/ColorSpace")))
    if mode is None or int(xobject.get("/BitsPerComponent", 8)) != 8:
        return None
    try:
        picture = PilImage.frombytes(mode, size, xobject.data)
        if "/SMask" in xobject:
            mask = xobject["/SMask"]
            alpha = PilImage.frombytes("L", (int(mask["/Width"]), int(mask["/Height"])), mask.data)
            picture = picture.convert("RGBA")
            picture.putalpha(alpha.resize(size))
    except (ValueError, KeyError):
        return None
    return picture
