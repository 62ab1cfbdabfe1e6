"""Every message verify and sign build from a role or a finding exists in both
languages (they are chosen at run time, so the catalogue test cannot see them)."""

from __future__ import annotations

import re
from typing import get_args

import pytest

from conftest import ROOT
from plangen.messages import CATALOG
from plangen.sign.roles import FIELDS, Role, role_of

SOURCES = "\n".join(p.read_text(encoding="utf-8")
                    for p in (ROOT / "src" / "plangen" / "sign").glob("*.py"))
FINDINGS = sorted(set(re.findall(r'"((?:place|look)_\w+)"', SOURCES)))
ROLE_KEYS = [f"{prefix}_{role}" for role in get_args(Role)
             for prefix in ("role", "signed", "sign_already")] + ["role_other"]
TRUST_KEYS = ["verify_trusted", "verify_untrusted", "verify_trust_unchecked"]


@pytest.mark.parametrize("key", FINDINGS + ROLE_KEYS + TRUST_KEYS)
def test_key_in_both_languages(key: str) -> None:
    assert set(CATALOG[key]) == {"vi", "en"}


def test_findings_are_many_and_fields_name_their_roles() -> None:
    assert len(FINDINGS) >= 12
    assert all(role_of(name) == role for role, name in FIELDS.items())
    assert role_of("Signature1") is None
