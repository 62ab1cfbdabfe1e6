"""Word's automatic numbering read as the page shows it: each list and level counted,
a level restarting under a new parent, Roman numerals, letters and bullets."""

from __future__ import annotations

from lxml import etree

from plangen.check.read.numbering import Numbering, roman

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def numbering(levels: str, overrides: str = "") -> Numbering:
    return Numbering.read(etree.fromstring(
        f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0">{levels}'
        f'</w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="0"/>{overrides}'
        "</w:num></w:numbering>"))


def level(ilvl: int, fmt: str, text: str) -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


def test_levels_count_and_restart_under_a_new_parent() -> None:
    lists = numbering(level(0, "upperRoman", "%1.") + level(1, "decimal", "%2.")
                      + level(2, "lowerLetter", "%3)"))
    shown = [lists.label("5", ilvl) for ilvl in (0, 1, 2, 2, 1, 0, 1)]
    assert shown == ["I.", "1.", "a)", "b)", "2.", "II.", "1."]


def test_a_bullet_is_a_dash_and_an_unknown_list_no_label() -> None:
    lists = numbering(level(0, "bullet", "\uf0b7"))
    assert lists.label("5", 0) == "-"
    assert lists.label("9", 0) == "" and lists.label("0", 0) == ""


def test_a_start_override_and_a_label_of_several_levels() -> None:
    lists = numbering(level(0, "decimal", "%1.") + level(1, "decimal", "%1.%2."),
                      '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride>')
    assert [lists.label("5", 0), lists.label("5", 1), lists.label("5", 1)] == [
        "3.", "3.1.", "3.2."]


def test_roman_numerals() -> None:
    assert [roman(n) for n in (1, 4, 9, 14, 40, 90)] == ["I", "IV", "IX", "XIV", "XL", "XC"]
