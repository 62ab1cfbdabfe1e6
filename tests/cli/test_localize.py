"""The command line speaks the user's language: every help text and argparse's own words
in Vietnamese by default, in English with ``--lang en``."""

from __future__ import annotations

import pytest

from plangen.cli import _parser, main
from plangen.cli.localize import chosen_lang, help_texts, help_vi


def test_every_help_text_has_its_vietnamese() -> None:
    parser = _parser()
    missing = sorted({a.help or "" for a in help_texts(parser) if help_vi(a.help or "") is None})
    assert missing == []
    assert help_vi(parser.description or "") is not None


@pytest.mark.parametrize(("argv", "lang"), [
    ([], "vi"), (["build", "a.yaml"], "vi"), (["--lang", "en", "build"], "en"),
    (["build", "--lang=en"], "en"), (["build", "--lang", "vi"], "vi"),
])
def test_the_language_is_read_before_parsing(argv: list[str], lang: str) -> None:
    assert chosen_lang(argv) == lang


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """Help texts on one line each, as a wide terminal shows them."""
    monkeypatch.setenv("COLUMNS", "400")


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    out = capsys.readouterr()
    return int(stopped.value.code or 0), out.out, out.err


def test_help_is_vietnamese_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run(["--help"], capsys)
    assert code == 0
    assert out.startswith("cách dùng: plangen")
    assert "Văn bản hành chính theo Nghị định 30/2020/NĐ-CP từ một tệp kế hoạch YAML." in out
    assert "tạo văn bản từ các tệp kế hoạch" in out
    assert "tùy chọn:" in out
    assert "usage" not in out and "show this help" not in out


def test_a_command_s_help_is_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _err = _run(["build", "--help"], capsys)
    assert "thư mục ghi văn bản; mỗi kế hoạch một thư mục DIR/<tên kế hoạch>/" in out
    assert "tham số" in out


def test_help_in_english_with_lang_en(capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _err = _run(["--lang", "en", "build", "--help"], capsys)
    assert out.startswith("usage: plangen")
    assert "folder for the documents; each plan gets DIR/<plan name>/" in out


def test_argparse_errors_are_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(["build"], capsys)
    assert code == 2
    assert err.splitlines()[-1] == "plangen build: lỗi: thiếu tham số bắt buộc: PLAN"
    code, _out, err = _run(["buidl"], capsys)
    assert code == 2
    assert "plangen: lỗi: tham số COMMAND: giá trị không hợp lệ: 'buidl'" in err


def test_argparse_errors_in_english_with_lang_en(capsys: pytest.CaptureFixture[str]) -> None:
    _code, _out, err = _run(["--lang", "en", "build"], capsys)
    assert err.splitlines()[-1] == \
        "plangen build: error: the following arguments are required: PLAN"
