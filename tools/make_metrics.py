"""Regenerate src/plangen/data/tnr_metrics.json from Liberation Serif.

Why: the rules under the Tiêu ngữ, the issuing body and the trích yếu must be as long as
NĐ30 says *relative to the text above them*, so the renderer needs text widths. Liberation
Serif is metric-compatible with Times New Roman, so its advance widths are TNR's.
The table is data committed to the repository; nothing reads fonts at run time.

Usage (needs `pip install fonttools` and Debian's fonts-liberation2):
    python tools/make_metrics.py
"""

from __future__ import annotations

import json
from pathlib import Path

from fontTools.ttLib import TTFont

FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
STYLES = {
    "regular": "LiberationSerif-Regular.ttf",
    "bold": "LiberationSerif-Bold.ttf",
    "italic": "LiberationSerif-Italic.ttf",
    "bold_italic": "LiberationSerif-BoldItalic.ttf",
}
VIETNAMESE = "àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
EXTRA = "“”‘’–—…•·×°%"


def characters() -> list[str]:
    """Every character the header lines and titles are likely to hold."""
    ascii_printable = [chr(c) for c in range(0x20, 0x7F)]
    viet = list(VIETNAMESE) + [c.upper() for c in VIETNAMESE]
    return sorted(set(ascii_printable + viet + list(EXTRA)))


def widths(font_file: Path) -> dict[str, float]:
    """Advance widths in em units (1.0 = the font size) for each character."""
    font = TTFont(font_file)
    cmap = font.getBestCmap()
    metrics = font["hmtx"].metrics
    units = font["head"].unitsPerEm
    return {
        ch: round(metrics[cmap[ord(ch)]][0] / units, 5)
        for ch in characters()
        if ord(ch) in cmap
    }


def main() -> None:
    table = {style: widths(FONT_DIR / name) for style, name in STYLES.items()}
    out = Path(__file__).resolve().parents[1] / "src/plangen/data/tnr_metrics.json"
    out.write_text(json.dumps(table, ensure_ascii=False, sort_keys=True, indent=0) + "\n",
                   encoding="utf-8")
    print(f"wrote {out} ({sum(len(t) for t in table.values())} widths)")


if __name__ == "__main__":
    main()
