"""Regenerate src/plangen/data/nd30-blank.docx, the empty NĐ30 document every plangen
document starts from.

Why: building it takes python-docx's template apart (350 kB of styles) and adds plangen's
styles, page and page numbers, 30 ms that every build would otherwise spend; it is built
here once instead. ``tests/test_documents.py`` fails when the shipped file is not what
``page.build_blank`` makes now: after changing a style, a margin or a default in
``nd30``, run this again (then ``python tools/make_templates.py``, whose templates start
from it).

Usage:  python tools/make_blank.py
"""

from __future__ import annotations

from pathlib import Path

from plangen.render.docx import page
from plangen.render.docx.package import docx_bytes

TARGET = Path(__file__).resolve().parents[1] / "src" / "plangen" / page.BLANK


def main() -> None:
    TARGET.write_bytes(docx_bytes(page.build_blank()))
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
