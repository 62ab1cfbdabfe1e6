"""What of an invalid plan is still checked: the parts the model refuses are left out, the
paths of what is left map back to the file's, and findings caused by leaving out are
not told."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, ValidationError

from plangen.plan.partial import Pruned, well_formed


class Item(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    size: int = 0


class Box(BaseModel):
    model_config = ConfigDict(extra="forbid")
    label: str
    note: str | None = None
    items: list[Item] = []


def _errors(data: object) -> list:  # type: ignore[type-arg]
    try:
        Box.model_validate(data)
    except ValidationError as err:
        return list(err.errors())
    raise AssertionError("the data is valid")


def _plain(loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    return loc


def test_a_wrong_optional_value_is_left_out_and_the_rest_kept() -> None:
    data = {"label": "a", "note": 5, "items": [{"name": "x"}]}
    kept = well_formed(Box, data, _errors(data), _plain)
    assert kept is not None
    box, pruned = kept
    assert box.note is None and box.items == [Item(name="x")]
    assert pruned.removed == {("note",)}


def test_a_list_item_missing_a_required_field_goes_and_later_items_keep_their_paths() -> None:
    data = {"label": "a", "items": [{"name": "x"}, {"size": 2}, {"name": "z", "size": "b"}]}
    kept = well_formed(Box, data, _errors(data), _plain)
    assert kept is not None
    box, pruned = kept
    # Item 1 cannot stand without its name; item 2 stands without its wrong size.
    assert [(i.name, i.size) for i in box.items] == [("x", 0), ("z", 0)]
    assert pruned.removed == {("items", 1), ("items", 2, "size")}
    # What is left is read at its place in the file.
    assert Pruned(frozenset({("items", 1)})).original(("items", 1, "name")) == \
        ("items", 2, "name")


def test_an_unknown_key_is_left_out() -> None:
    data = {"label": "a", "colour": "red"}
    kept = well_formed(Box, data, _errors(data), _plain)
    assert kept is not None and kept[1].removed == {("colour",)}


def test_nothing_stands_when_a_required_part_of_the_whole_is_missing() -> None:
    data = {"note": "n"}
    assert well_formed(Box, data, _errors(data), _plain) is None


def test_paths_map_back_over_several_removed_items() -> None:
    pruned = Pruned(frozenset({("van_ban", 0), ("van_ban", 2)}))
    assert pruned.original(("van_ban", 0)) == ("van_ban", 1)
    assert pruned.original(("van_ban", 1, "noi_nhan", 0)) == ("van_ban", 3, "noi_nhan", 0)
    assert pruned.original(("signer", "name")) == ("signer", "name")


def test_findings_caused_by_a_part_left_out_are_hidden_and_others_are_not() -> None:
    pruned = Pruned(frozenset({("signer",), ("van_ban", 0, "issued_on")}))
    # Every document "has no signer" because the plan's was left out.
    assert pruned.hides_rule("signer_missing", ("van_ban", 1, "signer"))
    # Inside a part left out.
    assert pruned.hides_rule("academic_title", ("signer", "name"))
    # The same field of the same document.
    assert pruned.hides_rule("issued_after_first_phase", ("van_ban", 0, "issued_on"))
    # Independent findings are told.
    assert not pruned.hides_rule("archive_missing", ("van_ban", 0, "noi_nhan", 1))
    assert not pruned.hides_rule("outside_period", ("van_ban", 1, "issued_on"))


def test_names_of_the_parts_left_out_are_those_a_jinja_name_may_miss() -> None:
    data = {"van_ban": [{"kind": "QD", "key": "khen-thuong", "trich_yeu": "t"}],
            "signer": {"name": ""}}
    pruned = Pruned(frozenset({("van_ban", 0), ("signer", "name")}))
    names = pruned.names(data, ["trich_yeu", "issued_on"])
    assert {"signer", "name", "khen-thuong", "trich_yeu", "issued_on", "ky_hieu"} <= names
    assert "campaign" not in names
