"""How much of a document's text a plan gives back when built: the share of the
document's runs of six words (6-grams) that the rebuilt document also has.

Why: an import that silently drops a paragraph looks fine until it is printed; counting
what survives the round trip says so in one number, and the tests pin it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

N = 6


def grams(paragraphs: Iterable[str], n: int = N) -> Counter[tuple[str, ...]]:
    """The runs of ``n`` words of each paragraph (a shorter paragraph counts as one run)."""
    found: Counter[tuple[str, ...]] = Counter()
    for text in paragraphs:
        words = re.findall(r"\w+", text.casefold())
        if not words:
            continue
        if len(words) < n:
            found[tuple(words)] += 1
            continue
        found.update(tuple(words[i:i + n]) for i in range(len(words) - n + 1))
    return found


def coverage(original: Iterable[str], rebuilt: Iterable[str]) -> float:
    """The share of ``original``'s 6-grams found in ``rebuilt`` (counted with repeats)."""
    wanted, got = grams(original), grams(rebuilt)
    total = sum(wanted.values())
    if not total:
        return 1.0
    return sum(min(count, got[gram]) for gram, count in wanted.items()) / total
