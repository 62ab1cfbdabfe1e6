"""The example CI workflow builds every plan, checks strictly and keeps output/."""

from __future__ import annotations

import re
import shlex

import yaml

from conftest import ROOT
from plangen.cli import _parser

WORKFLOW = ROOT / ".github" / "workflows" / "documents.yml"


def test_workflow_builds_checks_and_uploads() -> None:
    steps = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["documents"]["steps"]
    runs = [step.get("run", "") for step in steps]
    plangen = [line for run in runs for line in run.splitlines() if line.startswith("plangen")]
    assert plangen == ["plangen build plans/*.yaml -o output --pdf",
                       "plangen check --strict $(find output -name '*.docx' "
                       "-not -name '*.sua-tay-*')"]
    for line in plangen:  # each is a valid plangen command line ($(…) stands for files)
        _parser().parse_args(shlex.split(re.sub(r"\$\(.*\)", "a.docx", line))[1:])
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload"))
    assert upload["with"]["path"] == "output/"


def test_project_ci_builds_every_plan_and_checks_strictly() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in script
    assert "plangen build plans/*.yaml" in script
    assert "plangen check --strict" in script
