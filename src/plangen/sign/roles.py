"""The three signatures NĐ30 describes, and the signature fields plangen gives them.

The field's name says which signature it is, so that ``plangen verify`` knows what to
check and the văn thư's seal finds the signer's image it must cover.
"""

from __future__ import annotations

from typing import Literal

Role = Literal["signer", "organisation", "attachment"]
FIELDS: dict[Role, str] = {
    "signer": "plangen-nguoi-ky",
    "organisation": "plangen-co-quan",
    "attachment": "plangen-phu-luc",
}


def role_of(field_name: str) -> Role | None:
    """The role of a field plangen made; ``None`` for a field another tool made."""
    return next((role for role, name in FIELDS.items() if name == field_name), None)
