"""Named patterns with a cheap pre-test: a pattern runs only when the text holds one of its words."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from tracker.analysis.meaning.cue import Cue

_WORD = re.compile(r"[A-Za-z]+")


def keys(pattern: str) -> frozenset[str]:
    """Word prefixes any match of the pattern contains: a cheap test before running it."""
    literal = re.sub(r"\\[a-zA-Z]|\[[^\]]*\]|\(\?[:=!<P][^)]*?|[(){}?*+|^$]", " ", pattern)
    return frozenset(word[:4].lower() for word in _WORD.findall(literal) if len(word) >= 3)


@lru_cache(maxsize=256)  # each sentence is asked by every lexicon in turn
def prefixes(text: str) -> frozenset[str]:
    return frozenset(word[:4].lower() for word in _WORD.findall(text) if len(word) >= 3)


class Lexicon:
    """Named patterns, each run only when the sentence holds one of its words, and compiled
    the first time it runs (most of a lexicon never runs on a given document)."""

    def __init__(self, entries: dict[str, str], flags: int = 0) -> None:
        self._sources = dict(entries)
        self._flags = flags
        self._names = list(entries)
        self._by_key: dict[str, list[int]] = defaultdict(list)  # a word prefix -> its entries
        self._always: set[int] = set()  # entries with no literal word to test first
        for number, pattern in enumerate(entries.values()):
            words = keys(pattern)
            for word in words:
                self._by_key[word].append(number)
            if not words:
                self._always.add(number)
        self._compiled: dict[str, Cue] = {}

    def pattern(self, name: str) -> Cue | None:
        compiled = self._compiled.get(name)
        if compiled is None and name in self._sources:
            compiled = self._compiled[name] = Cue(self._sources[name], self._flags)
        return compiled

    def __call__(self, sentence: str) -> list[str]:
        candidates = set(self._always)
        for word in prefixes(sentence):
            candidates.update(self._by_key.get(word, ()))
        names = [self._names[number] for number in sorted(candidates)]
        return [name for name in names if self.pattern(name).found(sentence)]
