"""One build of the preview (plangen.serve.builder), run as the process the preview runs:
what it says, in which order, and which files it reports as the plan's sources."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from plangen.kinds import render_documents
from plangen.pipeline.run import default_templates
from plangen.plan.datafiles import load_bundle
from serving import seed_copy


def run(plan: Path, folder: Path, first: str | None = None, lang: str = "en",
        templates: Path | None = None) -> list[dict[str, Any]]:
    """The builder's answers to one request."""
    folder.mkdir(exist_ok=True)
    request = {"plan": str(plan), "lang": lang, "folder": str(folder), "first": first,
               "templates": str(templates or default_templates(plan))}
    done = subprocess.run([sys.executable, "-m", "plangen.serve.builder"],
                          input=json.dumps(request) + "\n", capture_output=True, text=True,
                          check=True, timeout=300)
    assert done.stderr == ""
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_it_lists_every_document_then_makes_the_one_shown_first(tmp_path: Path) -> None:
    plan = seed_copy(tmp_path / "work")
    answers = run(plan, tmp_path / "out", first="bao-cao-2024.docx")
    expected = [r.file_name for r in render_documents(load_bundle(plan),
                                                      default_templates(plan))]
    assert [name for _kind, name in answers[0]["listing"]] == expected
    made = [a["document"]["place"] for a in answers[1:-1]]
    first = expected.index("bao-cao-2024.docx")
    assert made == [first] + [i for i in range(len(expected)) if i != first]
    assert set(answers[-1]) == {"done"}
    for answer in answers[1:-1]:
        document = answer["document"]
        assert Path(document["docx"]) == tmp_path / "out" / f"{document['place']}.docx"
        assert Path(document["docx"]).read_bytes()[:2] == b"PK"
        assert (document["reasons"], document["findings"], document["head"]) == ([], [], None)
    forms = [a["document"] for a in answers[1:-1] if a["document"]["kind"] == "phieu-dang-ky"]
    assert [f["checked_in_full"] for f in forms] == [True] + [False] * (len(forms) - 1)


def test_the_sources_are_the_files_it_read_and_no_others(tmp_path: Path) -> None:
    plan = seed_copy(tmp_path / "work")
    sources = run(plan, tmp_path / "out")[-1]["done"]["sources"]
    work = (tmp_path / "work").resolve()
    assert sources == [str(work / p) for p in (
        "plans/cchc-2023-2025.yaml", "plans/cchc-2023-2025/dang-ky-bieu-mau.csv",
        "plans/cchc-2023-2025/dang-ky.yaml", "plans/cchc-2023-2025/ket-qua.yaml",
        "templates/mau-bao-cao.docx", "templates/phieu-dang-ky.docx")]


def test_a_plan_that_does_not_load_gets_its_lines_quoted(tmp_path: Path) -> None:
    plan = seed_copy(tmp_path / "work")
    plan.write_text(plan.read_text(encoding="utf-8").replace("trich_yeu: |-", "trich_yue: |-"),
                    encoding="utf-8")
    answers = run(plan, tmp_path / "out")
    assert answers[0]["errors"][2:4] == [
        f"{plan}:27:1: trich_yue: unknown key \"trich_yue\"; did you mean \"trich_yeu\"?",
        "    27 | trich_yue: |-"]
    assert [set(a) for a in answers] == [{"errors"}, {"done"}]
    assert str(plan.resolve()) in answers[1]["done"]["sources"]


def test_a_document_that_cannot_be_made_does_not_stop_the_others(tmp_path: Path) -> None:
    """A broken template refuses the document that uses it, with the build's message."""
    plan = seed_copy(tmp_path / "work")
    template = tmp_path / "work" / "templates" / "mau-bao-cao.docx"
    template.write_text("not a Word file", encoding="utf-8")
    answers = run(plan, tmp_path / "out")
    failed = [a["failed"] for a in answers if "failed" in a]
    assert failed == [{"place": 0, "lines": [
        f"{template}: cannot read the Word template: File is not a zip file"]}]
    made = [a["document"]["name"] for a in answers if "document" in a]
    assert len(made) == len(answers[0]["listing"]) - 1 and "ke-hoach.docx" not in made


def test_a_large_document_gets_its_first_pages_apart(tmp_path: Path) -> None:
    from serving import grow

    plan = seed_copy(tmp_path / "work")
    grow(plan, 200, tmp_path / "grown")
    answers = run(plan, tmp_path / "out", first="danh-sach-dang-ky.docx")
    listed = answers[1]["document"]
    assert listed["name"] == "danh-sach-dang-ky.docx"
    head = listed["head"]
    assert head["docx"] == str(tmp_path / "out" / f"{listed['place']}.head.docx")
    assert Path(head["docx"]).is_file() and head["kept"] < head["total"]
    forms = [a["document"] for a in answers[2:-1] if a["document"]["kind"] == "phieu-dang-ky"]
    assert len(forms) > 200 and all(f["head"] is None for f in forms)
    ke_hoach = next(a["document"] for a in answers[2:-1]
                    if a["document"]["name"] == "ke-hoach.docx")
    assert ke_hoach["head"] is None
