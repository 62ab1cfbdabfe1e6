"""Every bad plan in tests/bad/ gets exactly the messages beside it, in both languages.

Each ``NAME.yaml`` holds one kind of mistake (its first line says which);
``NAME.vi.txt`` and ``NAME.en.txt`` are what ``plangen validate`` prints on stderr
(``PLANGEN_UPDATE_GOLDEN=1`` writes them anew, to be read in ``git diff``).
"""

import os
from pathlib import Path

import pytest

from plangen.cli import main

TESTS = Path(__file__).parents[1]
BAD = sorted((TESTS / "bad").glob("*.yaml"))


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("plan", BAD, ids=[p.stem for p in BAD])
def test_bad_plan_messages(plan: Path, lang: str, capsys: pytest.CaptureFixture[str],
                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(TESTS)
    relative = os.path.relpath(plan, TESTS)
    assert main(["validate", "--lang", lang, relative]) == 1
    out = capsys.readouterr()
    expected_file = TESTS / "bad" / f"{plan.stem}.{lang}.txt"
    if os.environ.get("PLANGEN_UPDATE_GOLDEN") == "1":  # review the diff before committing
        expected_file.write_text(out.err, encoding="utf-8")
    assert out.err == expected_file.read_text(encoding="utf-8")
    assert out.out == ""


def test_there_are_at_least_ten_bad_plans() -> None:
    assert len(BAD) >= 10


def test_bad_plans_write_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(TESTS)
    good = "data/minimal.yaml"
    assert main(["build", good, "bad/misspelt-key.yaml", "-o", str(tmp_path)]) == 1
    assert list(tmp_path.iterdir()) == []
    capsys.readouterr()


def test_every_expected_message_file_has_its_plan() -> None:
    bad = TESTS / "bad"
    orphans = [t.name for t in sorted(bad.glob("*.txt"))
               if not (bad / f"{t.name.split('.')[0]}.yaml").is_file()]
    assert orphans == []
