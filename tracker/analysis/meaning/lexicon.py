"""Named patterns with a cheap pre-test: a pattern runs only when the text holds one of its words."""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z]+")


def keys(pattern: str) -> frozenset[str]:
    """Word prefixes any match of the pattern contains: a cheap test before running it."""
    literal = re.sub(r"\\[a-zA-Z]|\[[^\]]*\]|\(\?[:=!<P][^)]*?|[(){}?*+|^$]", " ", pattern)
    return frozenset(word[:4].lower() for word in _WORD.findall(literal) if len(word) >= 3)


def prefixes(text: str) -> set[str]:
    return {word[:4].lower() for word in _WORD.findall(text) if len(word) >= 3}


class Lexicon:
    """Named patterns, each run only when the sentence holds one of its words, and compiled
    the first time it runs (most of a lexicon never runs on a given document)."""

    def __init__(self, entries: dict[str, str], flags: int = 0) -> None:
        self._sources = dict(entries)
        self._flags = flags
        self._keys = [(name, keys(pattern)) for name, pattern in entries.items()]
        self._compiled: dict[str, re.Pattern[str]] = {}

    def pattern(self, name: str) -> re.Pattern[str] | None:
        compiled = self._compiled.get(name)
        if compiled is None and name in self._sources:
            compiled = self._compiled[name] = re.compile(self._sources[name], self._flags)
        return compiled

    def __call__(self, sentence: str) -> list[str]:
        present = prefixes(sentence)
        return [
            name
            for name, keys in self._keys
            if (keys & present or not keys) and self.pattern(name).search(sentence)
        ]
