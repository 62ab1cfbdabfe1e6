"""The plan model documents itself: every field has a Vietnamese description."""

from __future__ import annotations

import json
from typing import Any

from plangen.plan.model import Plan
from plangen.plan.schema import plan_schema


def _properties(schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    found = [(name, prop) for name, prop in schema.get("properties", {}).items()]
    for definition in schema.get("$defs", {}).values():
        found += _properties(definition)
    return found


def test_every_field_has_a_description() -> None:
    properties = _properties(json.loads(plan_schema()))  # the schema editors read
    assert len(properties) > 40
    missing = [name for name, prop in properties if not prop.get("description")]
    assert missing == []


def test_unknown_keys_are_forbidden_everywhere() -> None:
    schema = Plan.model_json_schema()
    models = [schema, *schema["$defs"].values()]
    assert all(m.get("additionalProperties") is False for m in models if "properties" in m)
