"""The preview's icon (``/favicon.ico``): a page with lines of text, drawn here.

Why: every browser asks for ``/favicon.ico``; a 404 there is noise in the browser's
console and in tests that look for failed requests. The icon is made in code, as an ICO
holding one 16×16 PNG, so no binary file is kept in the repository.
"""

from __future__ import annotations

import struct
import zlib

SIZE = 16
_PAPER, _INK, _EDGE, _CLEAR = (255, 255, 255, 255), (31, 78, 158, 255), (90, 90, 90, 255), (
    0, 0, 0, 0)


def _pixel(x: int, y: int) -> tuple[int, int, int, int]:
    if not (2 <= x <= 13 and 1 <= y <= 14):
        return _CLEAR
    if x in (2, 13) or y in (1, 14):
        return _EDGE
    if 4 <= x <= 11 and y in (4, 6, 8, 10, 12) and not (y == 12 and x > 8):
        return _INK
    return _PAPER


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def _png() -> bytes:
    rows = b"".join(b"\0" + bytes(c for x in range(SIZE) for c in _pixel(x, y))
                    for y in range(SIZE))
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(rows, 9)) + _chunk(b"IEND", b""))


def _ico(png: bytes) -> bytes:
    directory = struct.pack("<HHH", 0, 1, 1)  # an icon file with one image
    entry = struct.pack("<BBBBHHII", SIZE, SIZE, 0, 0, 1, 32, len(png), 6 + 16)
    return directory + entry + png


ICON = _ico(_png())
