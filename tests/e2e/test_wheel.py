"""plangen installed from its wheel, as a school's CI installs it: the templates come with
it, and a plan builds from a folder that holds nothing but plans."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

from conftest import ROOT, SEED_PLAN


def build_wheel(tmp_path: Path) -> Path:
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "src", source / "src",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--no-build-isolation", "--wheel-dir", str(dist), str(source)],
                   check=True, capture_output=True)
    return next(dist.glob("plangen-*.whl"))


def fresh_venv(tmp_path: Path) -> Path:
    """A new virtual environment without plangen; the dependencies are those of the test
    environment (no network needed), so that plangen itself comes only from a wheel."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    site = subprocess.run([str(venv / "bin" / "python"), "-c", "import sysconfig; print("
                           "sysconfig.get_paths()['purelib'])"], check=True,
                          capture_output=True, text=True)
    Path(site.stdout.strip(), "test-deps.pth").write_text(sysconfig.get_paths()["purelib"])
    return venv


def test_the_installed_wheel_builds_a_plan_from_a_folder_of_plans_only(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path)
    with zipfile.ZipFile(wheel) as package:
        names = set(package.namelist())
    assert {"plangen/data/templates/phieu-dang-ky.docx",
            "plangen/data/templates/mau-bao-cao.docx"} <= names
    venv = fresh_venv(tmp_path)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                    str(wheel)], check=True, capture_output=True)
    repo = tmp_path / "school"
    shutil.copytree(SEED_PLAN.parent, repo / "plans")
    done = subprocess.run([str(venv / "bin" / "plangen"), "build", "plans/cchc-2023-2025.yaml",
                           "-o", "output"], cwd=repo, capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    out = repo / "output" / SEED_PLAN.stem
    assert (out / "phieu-dang-ky" / "mau-trong.docx").is_file()
    where = subprocess.run([str(python), "-c", "import plangen; print(plangen.__file__)"],
                           cwd=repo, capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(venv))
    # The documents are those the repository's own templates give (the same files here).
    built_here = tmp_path / "here"
    subprocess.run([sys.executable, "-m", "plangen", "build", str(SEED_PLAN), "-o",
                    str(built_here)], check=True, capture_output=True)
    assert (out / "ke-hoach.docx").read_bytes() == (
        built_here / SEED_PLAN.stem / "ke-hoach.docx").read_bytes()
