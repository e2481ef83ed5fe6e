"""Patterns with a cheap pre-test: a pattern runs only when the text holds what its matches need.

Python's `re` tries a pattern that starts with `\\b` or a case-insensitive word at every
position of the text; a substring test, in C, rules out most sentences first.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cached_property, lru_cache

_WORD = re.compile(r"[A-Za-z]+")
# Letters that `re.IGNORECASE` matches to ASCII ones but that `str.lower` does not lower to
# them: in a text that has one, a pre-test on its lowered text could miss a match.
_FOLDING_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")
_SHORTEST_START = 3  # a shorter start is in most sentences: testing it first saves nothing
_MOST_STARTS = 64


def keys(pattern: str) -> frozenset[str]:
    """Word prefixes any match of the pattern contains: a cheap test before running it."""
    literal = re.sub(r"\\[a-zA-Z]|\[[^\]]*\]|\(\?[:=!<P][^)]*?|[(){}?*+|^$]", " ", pattern)
    return frozenset(word[:4].lower() for word in _WORD.findall(literal) if len(word) >= 3)


@lru_cache(maxsize=256)  # each sentence is asked by every lexicon in turn
def prefixes(text: str) -> frozenset[str]:
    return frozenset(word[:4].lower() for word in _WORD.findall(text) if len(word) >= 3)


class Cue:
    """A compiled pattern (compiled when first needed) that first tests, in C, that the text
    holds one of the literal starts every match begins with; the same answers as `re`."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern  # its source, as `re.Pattern.pattern`
        self.flags = flags

    @cached_property
    def _parsed(self):
        return _parse(self.pattern, self.flags)

    @cached_property
    def starts(self) -> frozenset[str] | None:
        return _starts_in(self._parsed)

    @cached_property
    def compiled(self) -> re.Pattern[str]:
        """Compiled from the tree its starts were read from: parsing is half of compiling."""
        if self._parsed is not None:
            from re import _compiler

            return _compiler.compile(self._parsed, self.flags)
        return re.compile(self.pattern, self.flags)

    def may_match(self, text: str) -> bool:
        starts = self.starts
        if starts is None or (not text.isascii() and any(c in text for c in _FOLDING_TO_ASCII)):
            return True
        lowered = lowered_text(text)
        return any(start in lowered for start in starts)

    def search(self, text: str, *bounds: int) -> re.Match[str] | None:
        return self.compiled.search(text, *bounds) if self.may_match(text) else None

    def match(self, text: str, *bounds: int) -> re.Match[str] | None:
        return self.compiled.match(text, *bounds) if self.may_match(text) else None

    def fullmatch(self, text: str, *bounds: int) -> re.Match[str] | None:
        return self.compiled.fullmatch(text, *bounds) if self.may_match(text) else None

    def finditer(self, text: str, *bounds: int):
        return self.compiled.finditer(text, *bounds) if self.may_match(text) else iter(())

    def findall(self, text: str, *bounds: int) -> list:
        return self.compiled.findall(text, *bounds) if self.may_match(text) else []

    def sub(self, replacement, text: str, count: int = 0) -> str:
        return self.compiled.sub(replacement, text, count) if self.may_match(text) else text

    def split(self, text: str, maxsplit: int = 0) -> list[str]:
        return self.compiled.split(text, maxsplit) if self.may_match(text) else [text]


@lru_cache(maxsize=64)  # a sentence is tested by every cue in turn, a text by every check
def lowered_text(text: str) -> str:
    return text.lower()


def literal_starts(source: str, flags: int = 0) -> frozenset[str] | None:
    """Lowercase ASCII strings one of which begins every match, or None where the pattern
    can begin otherwise (`\\d`, an optional word, a class of many letters)."""
    return _starts_in(_parse(source, flags))


def _parse(source: str, flags: int):
    """The pattern as CPython's own parser reads it (None where that parser is not there)."""
    try:
        from re import _parser

        return _parser.parse(source, flags)
    except (ImportError, AttributeError, re.error):
        return None


def _starts_in(parsed) -> frozenset[str] | None:
    if parsed is None:
        return None
    from re import _constants as sre

    starts, _ = _starts_of(list(parsed), sre)
    if not starts or min(len(start) for start in starts) < _SHORTEST_START:
        return None
    return frozenset(starts)


def _starts_of(items: list, sre) -> tuple[set[str], bool]:
    """The starts of a parsed sequence, and whether they spell all of it (so more can follow)."""
    starts = {""}
    for op, argument in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # zero-width: nothing to spell
            continue
        inner, whole = _starts_of_item(op, argument, sre)
        if inner is None or len(starts) * len(inner) > _MOST_STARTS:
            return starts, False
        starts = {start + more for start in starts for more in inner}
        if not whole:
            return starts, False
    return starts, True


def _starts_of_item(op, argument, sre) -> tuple[set[str] | None, bool]:
    if op is sre.LITERAL:
        letter = chr(argument)
        return ({letter.lower()}, True) if letter.isascii() else (None, False)
    if op is sre.IN and all(kind is sre.LITERAL and chr(code).isascii() for kind, code in argument):
        return {chr(code).lower() for _, code in argument}, True
    if op is sre.SUBPATTERN:
        return _starts_of(list(argument[-1]), sre)
    if op is sre.BRANCH:
        branches = [_starts_of(list(branch), sre) for branch in argument[1]]
        return {start for starts, _ in branches for start in starts}, all(
            whole for _, whole in branches
        )
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and argument[0] >= 1:
        starts, whole = _starts_of(list(argument[2]), sre)
        return starts, whole and argument[0] == argument[1] == 1
    return None, False


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
        return [name for name in names if self.pattern(name).search(sentence)]
