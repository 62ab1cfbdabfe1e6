"""The YAML reader: positions, duplicate keys, core-schema scalars, refused tags."""

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from yaml.nodes import Node

from plangen.plan import yamlread
from plangen.plan.yamlread import YamlRejected, read_yaml

ROOT = Path(__file__).resolve().parents[2]


def codes(text: str) -> list[tuple[int, int, str]]:
    with pytest.raises(YamlRejected) as caught:
        read_yaml(text)
    return [(p.line, p.col, p.code) for p in caught.value.problems]


def test_positions_of_values_and_keys() -> None:
    located = read_yaml("a:\n  b: 1\n  c:\n    - x\n    - y\n")
    assert located.data == {"a": {"b": 1, "c": ["x", "y"]}}
    assert located.values[("a", "b")] == (2, 6)
    assert located.keys[("a", "c")] == (3, 3)
    assert located.values[("a", "c", 1)] == (5, 7)


def test_dates_and_yaml11_booleans_stay_text() -> None:
    data = read_yaml("d: 2023-02-30\nn: No\ny: yes\nt: true\nf: 1.5\nz: ~\n").data
    assert data == {"d": "2023-02-30", "n": "No", "y": "yes", "t": True, "f": 1.5, "z": None}


def test_strings_are_nfc() -> None:
    assert read_yaml("a: Nguye\u0302\u0303n\n").data == {"a": "Nguyễn"}


def test_duplicate_key_names_both_lines() -> None:
    with pytest.raises(YamlRejected) as caught:
        read_yaml("a: 1\nb: 2\na: 3\n")
    problem = caught.value.problems[0]
    assert (problem.line, problem.col, problem.code) == (3, 1, "duplicate_key")
    assert problem.text("vi") == 'khóa "a" bị lặp (đã có ở dòng 1)'
    assert problem.text("en") == 'duplicate key "a" (first at line 1)'


def test_python_tags_are_refused() -> None:
    assert codes("a: !!python/object/apply:os.system ['echo hi']\n") == [(1, 4, "bad_tag")]
    assert codes("a: !custom x\n") == [(1, 4, "bad_tag")]


def test_tab_indentation() -> None:
    assert codes("a:\n\tb: 1\n")[0][2] == "yaml_tab"


def test_top_level_must_be_a_mapping() -> None:
    assert codes("- a\n- b\n") == [(1, 1, "top_not_mapping")]
    assert codes("") == [(1, 1, "top_not_mapping")]


def test_alias_bomb_is_refused() -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 9):
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [" + ",".join([f"*{chr(96 + i)}"] * 10) + "]")
    assert codes("\n".join(lines) + "\n")[0][2] == "too_many_nodes"


def test_control_characters_are_located() -> None:
    assert codes('a: ok\nb: "x\\x07y"\n') == [(2, 4, "control_char")]


# -- libyaml reads a file as PyYAML does, or leaves it to PyYAML ------------------------------

def _tree(node: Node | None) -> list[tuple[object, ...]]:
    """Every node's tag, value, style and positions, in document order."""
    out: list[tuple[object, ...]] = []
    stack = [node] if node is not None else []
    while stack:
        item = stack.pop()
        out.append((item.tag, item.value if isinstance(item.value, str) else None,
                    getattr(item, "style", None) or None, item.start_mark.index,
                    item.start_mark.line, item.start_mark.column, item.end_mark.index))
        if isinstance(item.value, list):
            children = [part for child in item.value
                        for part in (child if isinstance(child, tuple) else (child,))]
            stack += reversed(children)
    return out


def _read_both(text: str) -> tuple[object, object]:
    """The tree PyYAML composes and the tree :func:`yamlread.compose` gives."""
    try:
        slow: object = _tree(yamlread._Composer(text).get_single_node())
    except yaml.YAMLError:
        slow = "refused"
    try:
        fast: object = _tree(yamlread.compose(text))
    except yaml.YAMLError:
        fast = "refused"
    return slow, fast


YAML_FILES = sorted((ROOT / "plans").rglob("*.yaml")) + sorted(
    p for p in (ROOT / "tests").rglob("*.yaml") if p.name != "alias-bomb.yaml")


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: p.name)
def test_every_plan_reads_alike_with_or_without_libyaml(path: Path) -> None:
    slow, fast = _read_both(path.read_text(encoding="utf-8", errors="replace"))
    assert fast == slow


_PIECES = st.sampled_from([
    "a", "đ", "Ơ", "1", "-1.5", "true", "No", "null", "~", " ", "  ", "\n", "\n  ", "\n- ",
    ": ", "- ", "#", " #", "'", '"', "|", ">", "|-", ">+", "&x", "*x", "!!str ", "[", "]",
    "{", "}", ",", "?", "\t", "\\", "2024-01-01", "ký hiệu: KH", "\u00a0", "\u200b", "\r\n",
    "---", "...", "%YAML 1.2\n", "\ufeff", "\x85", "\u2028", "\r", "😀", "\u00ad", "\x7f"])


@settings(max_examples=500)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_any_text_reads_alike_with_or_without_libyaml(text: str) -> None:
    """Accepted by one and refused by the other, or the same value at another place, would
    make a plan valid on one machine and not on another."""
    slow, fast = _read_both(text)
    assert fast == slow
