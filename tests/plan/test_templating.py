"""Jinja in plan text: filters, and the sandbox."""

from datetime import date

import pytest
from jinja2.exceptions import SecurityError, UndefinedError

from plangen.plan.templating import render_text


def test_filters() -> None:
    names = {"d": date(2024, 2, 5), "n": 2, "k": 4}
    text = "{{ d | ngay }} {{ d | ngay_ngan }} {{ n | hai_so }} {{ k | la_ma }} {{ 5 | chu_cai }}"
    assert render_text(text, names) == "ngày 05 tháng 02 năm 2024 05/02/2024 02 IV đ"


def test_undefined_name_is_an_error() -> None:
    with pytest.raises(UndefinedError):
        render_text("{{ campain.name }}", {"campaign": {}})


def test_python_internals_are_out_of_reach() -> None:
    with pytest.raises(SecurityError):
        render_text("{{ ''.__class__.__mro__ }}", {})
    with pytest.raises(SecurityError):
        render_text("{{ x.__init__.__globals__ }}", {"x": date(2020, 1, 1)})
