"""Every message key plangen uses has a Vietnamese and an English text; an unknown key is a
bug that fails loudly, never a vague "invalid value"."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from plangen.check.rules.catalog import RULES
from plangen.messages import CATALOG, message
from plangen.plan.load import _KNOWN_TYPES
from plangen.plan.yamlread import _SYNTAX_HINTS

SOURCE = "\n".join(p.read_text(encoding="utf-8")
                   for p in sorted((ROOT / "src" / "plangen").rglob("*.py")))
# The places where a message key is written in the code, each with the key as a literal.
KEY_PATTERNS = (
    r'message\(\s*"(\w+)"',  # message("key", …)
    r'RuleProblem\((?:\([^)]*\)|[\w.]+), "(\w+)"',  # RuleProblem(path, "key", …)
    r'YamlProblem\([^"]*?(?:\(\)|path), "(\w+)"',  # YamlProblem(line, col, path, "key", …)
    r'self\.problem\(\w+, (?:\([^)]*\)|\w+), "(\w+)"',  # the YAML reader's problems
    r'_single\(\w+, "(\w+)"',  # one problem for a whole file
    r'return text, \("(\w+)"',  # clean_text's refusals
    r'"(jinja_\w+)"',  # the template problems of plan text
)


def used_keys() -> set[str]:
    keys = {key for pattern in KEY_PATTERNS for key in re.findall(pattern, SOURCE)}
    keys |= {f"docx_{reason}" for reason in re.findall(r'DocxUnreadable\("(\w+)"\)', SOURCE)}
    keys |= {f"severity_{rule.severity}" for rule in RULES}
    keys |= {code for _words, code, _at in _SYNTAX_HINTS} | set(_KNOWN_TYPES)
    return keys


def test_the_source_has_many_message_keys() -> None:
    assert len(used_keys()) > 80


@pytest.mark.parametrize("key", sorted(used_keys()))
def test_every_key_used_has_both_languages(key: str) -> None:
    assert key in CATALOG
    assert set(CATALOG[key]) == {"vi", "en"}


def test_an_unknown_key_is_an_error() -> None:
    with pytest.raises(KeyError, match="no message 'khong_co'"):
        message("khong_co", "vi")
