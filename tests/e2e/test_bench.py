"""The benchmark scripts still run (on tiny inputs): a refactor cannot break them unseen.
They measure nothing here; speed is measured by running them by hand."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from conftest import ROOT


@pytest.mark.parametrize("argv", [["bench/forms.py", "--count", "3"],
                                  ["bench/check.py", "--paragraphs", "20"],
                                  pytest.param(["bench/serve.py", "--saves", "1", "--extra", "200"],
                                               marks=pytest.mark.skipif(
                                                   shutil.which("soffice") is None,
                                                   reason="needs LibreOffice"))])
def test_a_benchmark_runs(argv: list[str]) -> None:
    done = subprocess.run([sys.executable, *argv], cwd=ROOT, capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr[-800:]
    assert done.stdout.strip()
