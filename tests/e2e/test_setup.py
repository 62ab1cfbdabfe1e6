"""Set-up that fits each command: `make documents` installs plangen and its run-time
dependencies only, `make test` the test tools too, a Python older than 3.11 is refused with
the version to install and a .venv it made is replaced, the README lists the Debian packages
`make test` needs and `.ci/run` installs exactly those, and `make clean` leaves nothing."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def project_copy(tmp_path: Path) -> Path:
    """What the set-up reads: the Makefile, tools/venv.sh, pyproject.toml, plans/."""
    copy = tmp_path / "plangen"
    (copy / "tools").mkdir(parents=True)
    for name in ("Makefile", "pyproject.toml", "tools/venv.sh", ".gitignore"):
        shutil.copy(ROOT / name, copy / name)
    shutil.copytree(ROOT / "plans", copy / "plans")
    return copy


def make(copy: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    return subprocess.run(["make", "--no-print-directory", *args], cwd=copy, env=env,
                          capture_output=True, text=True, check=False)


def old_python(folder: Path, version: str = "3.10.12") -> Path:
    """A stand-in for another Python: reports `version`, makes a venv of itself."""
    shim = folder / "python-old"
    folder.mkdir(parents=True, exist_ok=True)
    shim.write_text(f"""#!/bin/sh
if [ "$1" = "-m" ] && [ "$2" = "venv" ]; then
  mkdir -p "$3/bin" && cp "$0" "$3/bin/python" && exit 0
fi
echo {version}
""", encoding="utf-8")
    shim.chmod(shim.stat().st_mode | stat.S_IEXEC)
    return shim


def test_documents_installs_plangen_without_the_test_tools(tmp_path: Path) -> None:
    copy = project_copy(tmp_path)
    documents = make(copy, "-n", "documents", f"PYTHON={sys.executable}").stdout
    assert "pip install --quiet -e .\n" in documents
    assert "[test]" not in documents and "npm" not in documents
    assert "plangen build plans/" in documents
    test = make(copy, "-n", "test", f"PYTHON={sys.executable}").stdout
    assert "pip install --quiet -e '.[test]'" in test and "npm install" in test
    dist = make(copy, "-n", "dist", f"PYTHON={sys.executable}").stdout
    assert "'build>=1.2' 'twine>=6.1'" in dist and "[test]" not in dist


def test_a_python_older_than_3_11_is_refused_with_what_to_install(tmp_path: Path) -> None:
    copy = project_copy(tmp_path)
    shim = old_python(tmp_path / "bin")
    done = make(copy, "documents", f"PYTHON={shim}")
    assert done.returncode != 0
    assert f"nhưng {shim} là Python 3.10.12" in done.stderr
    assert f"but {shim} is Python 3.10.12" in done.stderr
    assert "sudo apt-get install python3.11 python3.11-venv" in done.stderr
    assert "make PYTHON=python3.11 documents" in done.stderr
    assert not (copy / ".venv").exists()
    done = make(copy, "test", "PYTHON=no-such-python")
    assert done.returncode != 0 and '"no-such-python" does not run' in done.stderr
    assert "make PYTHON=python3.11 test" in done.stderr


def test_a_venv_made_by_an_older_python_is_replaced(tmp_path: Path) -> None:
    copy = project_copy(tmp_path)
    shim = old_python(tmp_path / "bin")
    subprocess.run([str(shim), "-m", "venv", str(copy / ".venv")], check=True)
    (copy / ".venv" / "bin" / "plangen").write_text("", encoding="utf-8")  # the set-up's mark
    dry = make(copy, "-n", "documents", f"PYTHON={sys.executable}").stdout
    assert "sh tools/venv.sh" in dry  # not taken as done
    done = subprocess.run(["sh", "tools/venv.sh", sys.executable, ".venv", "documents"],
                          cwd=copy, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert ".venv was made by Python 3.10.12: making it again with" in done.stderr
    made_by = subprocess.run([str(copy / ".venv" / "bin" / "python"), "-c",
                              "import sys; print(sys.version_info >= (3, 11))"],
                             capture_output=True, text=True, check=True).stdout
    assert made_by == "True\n"
    again = subprocess.run(["sh", "tools/venv.sh", sys.executable, ".venv", "documents"],
                           cwd=copy, capture_output=True, text=True, check=True)
    assert again.stderr == ""  # a good one is kept


def targets() -> set[str]:
    return set(re.findall(r"^([a-z-]+):", MAKEFILE, flags=re.M))


def test_phony_lists_the_real_targets() -> None:
    phony = set(re.search(r"^\.PHONY: (.*)$", MAKEFILE, flags=re.M)[1].split())  # type: ignore[index]
    described = set(re.findall(r"^([a-z-]+):.*##", MAKEFILE, flags=re.M))
    assert phony == described and phony <= targets()
    assert {"documents", "test", "dist", "clean"} <= phony


def test_clean_removes_everything_the_set_up_builds_and_tests_make(tmp_path: Path) -> None:
    """Whatever .gitignore ignores (all of it made by the set-up, builds, the README's
    commands and the tests) is gone after `make clean`; the project's own files stay."""
    copy = project_copy(tmp_path)
    made = []
    for pattern in (ROOT / ".gitignore").read_text(encoding="utf-8").split():
        name = pattern.strip("/").replace("*", "plangen")
        where = copy / ("src" if pattern.startswith("*") else "") / name
        if pattern.strip("/") == "__pycache__":
            where = copy / "src" / "plangen" / "check" / "__pycache__"
        where.mkdir(parents=True)
        (where / "made").write_text("x", encoding="utf-8")
        made.append(where)
    done = make(copy, "clean")
    assert done.returncode == 0, done.stderr
    assert [str(p.relative_to(copy)) for p in made if p.exists()] == []
    assert (copy / "plans" / "cchc-2023-2025.yaml").is_file()
    assert {".venv", "output", "dist", ".hypothesis", "draft"} <= {
        p.strip("/") for p in (ROOT / ".gitignore").read_text(encoding="utf-8").split()}


def test_the_readme_output_folders_are_ignored() -> None:
    ignored = {p.strip("/") for p in (ROOT / ".gitignore").read_text(encoding="utf-8").split()}
    folders = set(re.findall(r"^plangen build [^#\n]* -o (\S+)", README, flags=re.M))
    assert folders and folders <= ignored


def readme_packages() -> list[str]:
    line = next(line for line in README.splitlines()
                if line.startswith("sudo apt-get install python3 "))
    return line.split()[3:]


def ci_packages() -> list[str]:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    found = re.search(r'^PACKAGES="([^"]*)"', script, flags=re.M)
    assert found is not None
    return found[1].split()


def test_ci_installs_exactly_the_packages_the_readme_lists() -> None:
    assert ci_packages() == readme_packages()
    assert {"nodejs", "npm", "python3-venv", "softhsm2", "libreoffice-calc-nogui",
            "pandoc", "chromium", "poppler-utils"} <= set(readme_packages())
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'apt-get install -y "${missing[@]}"' in script
    assert script.count("apt-get install") == 1  # nothing else is installed
