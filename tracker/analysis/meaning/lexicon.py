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
    """Named patterns, each run only when the sentence holds one of its words."""

    def __init__(self, entries: dict[str, str], flags: int = 0) -> None:
        self.entries = [
            (name, re.compile(pattern, flags), keys(pattern)) for name, pattern in entries.items()
        ]
        self.patterns = {name: pattern for name, pattern, _ in self.entries}

    def __call__(self, sentence: str) -> list[str]:
        present = prefixes(sentence)
        return [
            name
            for name, pattern, keys in self.entries
            if (keys & present or not keys) and pattern.search(sentence)
        ]
