"""What a release must hold before it is published, and its notes.

    python tools/release.py check TAG HOME
        exit 1, saying why, unless TAG is v<version>, CHANGELOG has that version's dated
        section under an [Unreleased] one, and pyproject's Homepage is HOME
    python tools/release.py notes VERSION
        that version's CHANGELOG section, for the release page

The release workflow runs `check` with the pushed tag and the repository it runs in, so that
a tag on the wrong commit, a forgotten CHANGELOG or a fork that kept another repository's
address stops before anything is published; `notes` gives the text of the GitHub release.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATED = re.compile(r"^## \[(?P<version>[^\]]+)\] - (?P<date>\d{4}-\d{2}-\d{2})$", re.M)


def version() -> str:
    """plangen's version, as the wheel gets it (``plangen.__version__``)."""
    source = (ROOT / "src" / "plangen" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"$', source, re.M)
    if found is None:
        raise SystemExit("src/plangen/__init__.py has no __version__")
    return found.group(1)


def home() -> str:
    """The repository's home, written once in pyproject.toml."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return str(pyproject["project"]["urls"]["Homepage"])


def notes(changelog: str, wanted: str) -> str | None:
    """The body of the dated section of ``wanted``, or None when there is none."""
    sections = list(DATED.finditer(changelog))
    for i, match in enumerate(sections):
        if match["version"] == wanted:
            end = sections[i + 1].start() if i + 1 < len(sections) else len(changelog)
            return changelog[match.end():end].strip()
    return None


def problems(tag: str, expected_home: str) -> list[str]:
    """Every reason not to publish ``tag`` from the repository at ``expected_home``."""
    found: list[str] = []
    current = version()
    if tag != f"v{current}":
        found.append(f"the tag {tag} is not v{current}, the version in src/plangen/__init__.py")
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    body = notes(changelog, current)
    if not body:
        found.append(f"CHANGELOG.md has no dated section '## [{current}] - YYYY-MM-DD'")
    unreleased = changelog.find("## [Unreleased]")
    first = DATED.search(changelog)
    if unreleased < 0 or (first is not None and unreleased > first.start()):
        found.append("CHANGELOG.md has no '## [Unreleased]' section above the dated ones")
    if home().rstrip("/") != expected_home.rstrip("/"):
        found.append(f"pyproject.toml's [project.urls] Homepage is {home()}, not "
                     f"{expected_home}: write this repository's address there")
    return found


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] == "check":
        found = problems(argv[1], argv[2])
        for problem in found:
            print(f"release: {problem}", file=sys.stderr)
        return 1 if found else 0
    if len(argv) == 2 and argv[0] == "notes":
        body = notes((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), argv[1])
        if body is None:
            print(f"release: CHANGELOG.md has no section for {argv[1]}", file=sys.stderr)
            return 1
        print(body)
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
