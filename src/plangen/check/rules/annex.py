"""The rule of a Phụ lục's opening lines (PL I, III.1; Mẫu 2.1): label, title, "(Kèm
theo …)", in the document that carries it or in a file of its own."""

from __future__ import annotations

import re
from collections.abc import Iterator

from plangen.check.read.layout import Layout
from plangen.check.rules.base import (
    NotChecked,
    Result,
    all_bold,
    all_italic,
    any_italic,
    check_size,
    found,
    is_caps,
    rule,
)
from plangen.spec import nd30

_ROMAN = re.compile(r"^[IVXLC]+$")


@rule("C42")
def annex_heading(layout: Layout) -> Iterator[Result]:
    if not layout.annexes:
        yield NotChecked("C42", "văn bản không có phụ lục", "the document has no Phụ lục")
        return
    numbered = sum(1 for a in layout.annexes if a.label is not None) > 1
    for annex in layout.annexes:
        label = annex.label
        if label is not None:
            if not all_bold(label) or any_italic(label):
                yield found("C42", label, "nhãn phụ lục phải in đậm, chữ đứng",
                            "the Phụ lục label must be bold and upright")
            yield from check_size("C42", label, nd30.PHU_LUC_LABEL.size_pt,
                                  ("nhãn phụ lục", "the Phụ lục label"))
            number = label.text.split()[2:] if len(label.text.split()) > 2 else []
            if numbered and not (number and _ROMAN.match(number[0])):
                yield found("C42", label, "các phụ lục đánh số bằng chữ số La Mã (I, II, …)",
                            "Phụ lục are numbered with Roman numerals (I, II, …)")
        for title in annex.titles:
            if not is_caps(title.text) or not all_bold(title):
                yield found("C42", title, "tên phụ lục phải in hoa, đậm",
                            "the Phụ lục title must be bold capitals")
        if not all_italic(annex.kem_theo):
            yield found("C42", annex.kem_theo, "dòng (Kèm theo …) phải in nghiêng",
                        "the (Kèm theo …) line must be italic")
