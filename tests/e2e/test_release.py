"""A release anyone can pin: the sdist and wheel pass `twine check`, the release workflow
publishes only what it checked (its steps run here from the wheel), and `tools/release.py`
stops a tag that does not match the version, the CHANGELOG or the repository."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT
from plangen import __version__

RELEASE = ROOT / ".github" / "workflows" / "release.yml"
TOOL = ROOT / "tools" / "release.py"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
HOME = PYPROJECT["project"]["urls"]["Homepage"]


def workflow() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(RELEASE.read_text(encoding="utf-8"))
    return loaded


def test_it_runs_on_a_version_tag_only() -> None:
    assert workflow()[True] == {"push": {"tags": ["v*"]}}  # YAML 1.1 reads `on` as true
    assert workflow()["concurrency"]["cancel-in-progress"] is False  # never half-published


def test_each_job_has_only_the_permissions_it_uses() -> None:
    jobs = workflow()["jobs"]
    assert workflow()["permissions"] == {}
    assert jobs["build"]["permissions"] == {"contents": "read"}
    assert jobs["pypi"]["permissions"] == {"id-token": "write"}  # trusted publishing only
    assert jobs["github-release"]["permissions"] == {"contents": "write"}
    assert jobs["pypi"]["needs"] == "build" and jobs["github-release"]["needs"] == "pypi"
    assert jobs["pypi"]["environment"]["name"] == "pypi"


def test_pypi_gets_what_the_build_job_checked_by_trusted_publishing() -> None:
    jobs = workflow()["jobs"]
    upload = jobs["build"]["steps"][-1]
    assert upload["uses"].startswith("actions/upload-artifact@")
    assert upload["with"]["path"] == "dist/" and upload["with"]["if-no-files-found"] == "error"
    steps = jobs["pypi"]["steps"]
    assert [s["uses"].split("@")[0] for s in steps] == ["actions/download-artifact",
                                                         "pypa/gh-action-pypi-publish"]
    assert re.fullmatch(r"pypa/gh-action-pypi-publish@[0-9a-f]{40}", steps[1]["uses"])
    assert "with" not in steps[1]  # no password, no token: PyPI trusts the OIDC token
    assert "secrets." not in RELEASE.read_text(encoding="utf-8")
    assert "cache" not in RELEASE.read_text(encoding="utf-8")  # nothing a PR could poison


def test_the_release_attaches_the_wheel() -> None:
    script = workflow()["jobs"]["github-release"]["steps"][-1]["run"]
    assert "gh release create" in script and "gh release upload" in script
    assert script.count("dist/*.whl") == 2


def test_the_sdist_and_wheel_pass_twine_check(tmp_path: Path) -> None:
    """What `make dist` does, without a network: `python -m build` then `twine check
    --strict` (PyPI's own rendering of the README, Metadata 2.4 with the licence)."""
    source = tmp_path / "source"
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        source.mkdir(exist_ok=True)
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "src", source / "src",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist),
                    str(source)], check=True, capture_output=True)
    built = sorted(p.name for p in dist.iterdir())
    assert built == [f"plangen-{__version__}-py3-none-any.whl", f"plangen-{__version__}.tar.gz"]
    twine = Path(sys.executable).parent / "twine"
    done = subprocess.run([str(twine), "check", "--strict", *map(str, dist.iterdir())],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    with zipfile.ZipFile(dist / built[0]) as wheel:
        metadata = wheel.read(f"plangen-{__version__}.dist-info/METADATA").decode()
        assert f"plangen-{__version__}.dist-info/licenses/LICENSE" in wheel.namelist()
    assert "License-Expression: MIT" in metadata
    assert f"Project-URL: Homepage, {HOME}" in metadata
    with tarfile.open(dist / built[1]) as sdist:
        assert f"plangen-{__version__}/LICENSE" in sdist.getnames()


# -- tools/release.py --------------------------------------------------------------------

def release_tool(*args: str, root: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(root / "tools" / "release.py"), *args],
                          capture_output=True, text=True, check=False)


def test_this_version_can_be_released_from_the_repository_pyproject_names() -> None:
    done = release_tool("check", f"v{__version__}", HOME)
    assert done.returncode == 0, done.stderr


def test_a_tag_a_changelog_or_an_address_that_does_not_match_is_refused(
        tmp_path: Path) -> None:
    done = release_tool("check", "v9.9.9", "https://github.com/someone/plangen")
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"release: the tag v9.9.9 is not v{__version__}, the version in "
        "src/plangen/__init__.py",
        f"release: pyproject.toml's [project.urls] Homepage is {HOME}, not "
        "https://github.com/someone/plangen: write this repository's address there"]
    copy = tmp_path / "repo"
    for name in ("tools/release.py", "pyproject.toml", "src/plangen/__init__.py"):
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, copy / name)
    (copy / "CHANGELOG.md").write_text(
        f"# Changelog\n\n## [{__version__}] - 2026-01-01\n\n### Added\n- x\n\n"
        "## [Unreleased]\n", encoding="utf-8")
    done = release_tool("check", f"v{__version__}", HOME, root=copy)
    assert done.stderr == ("release: CHANGELOG.md has no '## [Unreleased]' section above the "
                           "dated ones\n")
    (copy / "CHANGELOG.md").write_text("# Changelog\n\n## [Unreleased]\n", encoding="utf-8")
    done = release_tool("check", f"v{__version__}", HOME, root=copy)
    assert done.stderr == (f"release: CHANGELOG.md has no dated section '## [{__version__}] - "
                           "YYYY-MM-DD'\n")


def test_the_release_notes_are_the_versions_changelog_section() -> None:
    done = release_tool("notes", __version__)
    assert done.returncode == 0, done.stderr
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "\n### Added\n" in done.stdout and done.stdout.strip() in changelog
    assert "\n## " not in done.stdout
    assert release_tool("notes", "0.0.0").returncode == 1


# -- the release workflow's own steps, run ---------------------------------------------------

def build_steps() -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = workflow()["jobs"]["build"]["steps"]
    return steps


def test_its_build_step_builds_and_checks_as_make_dist_does() -> None:
    build = next(s for s in build_steps() if s.get("name", "").startswith("Build the sdist"))
    assert "python -m build --outdir dist ." in build["run"]
    assert "twine check --strict dist/*" in build["run"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "-m build --outdir dist ." in makefile and "twine check --strict dist/*" in makefile


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")
def test_its_steps_check_the_tag_and_build_every_example_plan_from_the_wheel(
        tmp_path: Path) -> None:
    """The release job's `run:` steps in a checkout with the wheel in dist/, except the one
    that downloads build and twine (done without a network above): the tag is checked, and
    the wheel, installed into a fresh environment, builds every plan of plans/ (DOCX, PDF/A,
    `plangen check --strict`); a wrong tag stops it before anything is built."""
    from e2e.test_wheel import build_wheel, fresh_venv

    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT / "plans", checkout / "plans")
    for name in ("tools/release.py", "pyproject.toml", "src/plangen/__init__.py",
                 "CHANGELOG.md"):
        (checkout / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, checkout / name)
    (checkout / "dist").mkdir()
    shutil.copy(build_wheel(tmp_path), checkout / "dist")
    server, owner, name = HOME.rsplit("/", 2)
    env = {**os.environ, "GITHUB_REF_NAME": f"v{__version__}", "GITHUB_SERVER_URL": server,
           "GITHUB_REPOSITORY": f"{owner}/{name}", "PIP_NO_INDEX": "1",
           "RUNNER_TEMP": str(tmp_path), "SMOKE_VENV": str(fresh_venv(tmp_path))}
    env.pop("VIRTUAL_ENV", None)
    scripts = [s["run"] for s in build_steps()
               if "run" in s and not s["name"].startswith("Build the sdist")]
    assert len(scripts) == 3
    from e2e.test_workflow import run_steps

    failed = run_steps(scripts, checkout, env)
    assert failed is None, (failed.args, failed.stdout[-1500:], failed.stderr[-1500:])
    failed = run_steps(scripts, checkout, {**env, "GITHUB_REF_NAME": "v0.0.1"})
    assert failed is not None and "the tag v0.0.1 is not" in failed.stderr
