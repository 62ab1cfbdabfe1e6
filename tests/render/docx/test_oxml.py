"""The raw-XML helpers behind Word hygiene, on small elements made in the test."""

from __future__ import annotations

from docx.oxml import parse_xml

from plangen.render.docx import oxml

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def styles(*inner: str) -> object:
    return parse_xml(f"<w:styles {W}>{''.join(inner)}</w:styles>")


def style(sid: str, *links: str, default: bool = False) -> str:
    flag = ' w:default="1"' if default else ""
    return (f'<w:style w:type="paragraph" w:styleId="{sid}"{flag}>'
            + "".join(links) + "</w:style>")


def ids(element: object) -> list[str]:
    return [s.get(oxml.qn("w:styleId")) for s in element.iterfind(oxml.qn("w:style"))]


def test_unused_styles_go_what_the_kept_ones_reach_stays() -> None:
    element = styles(style("Normal", default=True),
                     style("Body", '<w:basedOn w:val="Base"/>', '<w:next w:val="After"/>'),
                     style("Base"), style("After", '<w:link w:val="AfterChar"/>'),
                     style("AfterChar"), style("Heading1"), style("Quote"))
    oxml.drop_unused_styles(element, ["Body"])
    assert ids(element) == ["Normal", "Body", "Base", "After", "AfterChar"]


def test_a_kept_style_that_does_not_exist_is_no_error() -> None:
    element = styles(style("Normal", default=True), style("Heading1"))
    oxml.drop_unused_styles(element, ["Missing"])
    assert ids(element) == ["Normal"]


def test_settings_of_a_current_vietnamese_word_file() -> None:
    settings = parse_xml(
        f'<w:settings {W}><w:zoom w:val="bestFit"/><w:proofState w:spelling="clean" '
        'w:grammar="clean"/><w:compat><w:useFELayout/><w:compatSetting '
        'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
        'w:val="14"/></w:compat><w:themeFontLang w:val="en-US" w:eastAsia="ja-JP"/>'
        "</w:settings>")
    oxml.clean_settings(settings, "vi-VN")
    xml = settings.xml
    assert "proofState" not in xml and "useFELayout" not in xml
    assert 'w:val="15"' in xml and 'w:percent="100"' in xml
    assert '<w:themeFontLang w:val="vi-VN" w:eastAsia="vi-VN"/>' in xml
