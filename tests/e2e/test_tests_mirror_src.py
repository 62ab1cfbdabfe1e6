"""The tests mirror src/: the tests of ``src/plangen/<package>/<module>.py`` are in
``tests/<package>/test_<module>.py`` (those of a package's ``__init__.py`` in
``test_<package>.py``), whole-product tests in ``tests/e2e/``, so that the tests of a module
are found where the module is, and a module without tests shows."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT

TESTS = ROOT / "tests"
SRC = ROOT / "src" / "plangen"
NOT_TESTS = {"data", "golden", "bad", "__pycache__"}


def module_of(test: Path) -> Path | None:
    """The source module a test file mirrors, or None when it mirrors none."""
    folder = test.parent.relative_to(TESTS)
    name = test.stem.removeprefix("test_")
    candidates = [SRC / folder / f"{name}.py"]
    if folder.parts and folder.parts[-1] == name:
        candidates.append(SRC / folder / "__init__.py")
    return next((c for c in candidates if c.is_file()), None)


def test_every_test_file_mirrors_a_module_or_tests_the_whole_product() -> None:
    stray = [str(t.relative_to(TESTS)) for t in sorted(TESTS.rglob("test_*.py"))
             if t.parent.relative_to(TESTS).parts[:1] != ("e2e",) and module_of(t) is None]
    assert stray == []


def test_every_folder_of_tests_is_a_package() -> None:
    folders = [d for d in TESTS.rglob("*") if d.is_dir()
               and not NOT_TESTS & set(d.relative_to(TESTS).parts)]
    assert [str(d) for d in folders if not (d / "__init__.py").is_file()] == []
