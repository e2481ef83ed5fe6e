"""Rule patterns that answer as `re` does, faster.

Python's `re` tries a pattern that starts with `\\b`, or with a case-insensitive word, at every
position of a text. A `Cue` reads its pattern once with CPython's own parser and, from that
tree:

- takes the literal starts every match begins with (`collect`, `receiv`, `log` for
  `\\b(?:collect\\w*|receiv\\w+|log\\w*)`), tested first as substrings of the lowered text, in C;
- compiles the pattern only when a text passes;
- for counting and yes-or-no questions on a case-insensitive pattern, runs a lowered copy of
  it, case-sensitively, on the lowered text, with each leading `\\b` moved behind the word it
  guards (`secur(?<=\\bsecur)`), so that the engine scans for the word's letters.

Only ASCII letters are lowered, and the lowered copy has ASCII letters only, so the letters
outside ASCII match as they did. A text holding one of the four letters `re.IGNORECASE`
matches to ASCII ones (`İ`, `ı`, `ſ`, `K`) gets the pattern as written. Where the parser is
not there (another Python), every call is plain `re`.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache

_SHORTEST_START = 3  # a shorter start is in most sentences: testing it first saves nothing
_MOST_STARTS = 64
# Letters that `re.IGNORECASE` matches to ASCII ones: with one in a text, lowering its ASCII
# letters is not what IGNORECASE does.
_FOLDING_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


class Cue:
    """A pattern with the methods of a compiled `re.Pattern`, and `count` and `found`."""

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

    @cached_property
    def _lowered(self) -> re.Pattern[str] | None:
        """The case-insensitive pattern as a case-sensitive one for lowered text, or None."""
        if not self.flags & re.IGNORECASE:
            return None
        tree = _parse(self.pattern, self.flags)  # a tree of its own: this one is rewritten
        return _lowered_pattern(tree, self.flags) if tree is not None else None

    def may_match(self, text: str) -> bool:
        starts = self.starts
        if starts is None or _folds_to_ascii(text):
            return True
        lowered = _ascii_lowered(text)
        return any(start in lowered for start in starts)

    def count(self, text: str) -> int:
        """How many matches `findall` finds."""
        if not self.may_match(text):
            return 0
        if self._lowered is not None and not _folds_to_ascii(text):
            return len(self._lowered.findall(_ascii_lowered(text)))
        return len(self.compiled.findall(text))

    def found(self, text: str) -> bool:
        """Whether `search` finds a match."""
        if not self.may_match(text):
            return False
        if self._lowered is not None and not _folds_to_ascii(text):
            return self._lowered.search(_ascii_lowered(text)) is not None
        return self.compiled.search(text) is not None

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


def rule_cue(name: str, flags: int = re.I) -> Cue:
    """A cue word pattern of `rules/en/facts.toml` (`[cues]`)."""
    from tracker import rules

    return Cue(rules.load("facts")["cues"][name], flags)


@lru_cache(maxsize=64)  # a sentence is tested by every cue in turn, a text by every check
def lowered_text(text: str) -> str:
    return text.lower()


@lru_cache(maxsize=64)
def _ascii_lowered(text: str) -> str:
    """Its ASCII letters lowered, and only those (bytes of UTF-8 past ASCII are left alone)."""
    if text.isascii():
        return text.lower()
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


def _folds_to_ascii(text: str) -> bool:
    return not text.isascii() and any(letter in text for letter in _FOLDING_TO_ASCII)


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


def _lowered_pattern(tree, flags: int) -> re.Pattern[str] | None:
    """The tree, its ASCII letters lowered and its leading boundaries moved, compiled without
    IGNORECASE; None where a part of it would then match otherwise (a cased letter or a
    range outside ASCII, a group that switches case-insensitivity itself)."""
    from re import _compiler
    from re import _constants as sre

    rewriter = _Rewriter(tree.state, sre)
    try:
        tree.data = rewriter.boundaries_moved(rewriter.lowered(list(tree.data)))
    except _Unsafe:
        return None
    tree.state.flags &= ~re.IGNORECASE
    return _compiler.compile(tree, flags & ~re.IGNORECASE)


class _Unsafe(Exception):
    """A part of the pattern a lowered copy would not match as the original does."""


class _Rewriter:
    def __init__(self, state, sre) -> None:
        self.state = state
        self.sre = sre

    def tree(self, items: list):
        from re import _parser

        return _parser.SubPattern(self.state, items)

    def lowered(self, items: list) -> list:
        return [self._lowered_item(op, argument) for op, argument in items]

    def _lowered_item(self, op, argument):
        sre = self.sre
        if op in (sre.LITERAL, sre.NOT_LITERAL):
            return op, _lower_code(argument)
        if op is sre.IN:
            return op, [item for kind, value in argument for item in self._lowered_in(kind, value)]
        if op is sre.SUBPATTERN:
            group, add, remove, inner = argument
            if (add | remove) & re.IGNORECASE:
                raise _Unsafe
            return op, (group, add, remove, self.tree(self.lowered(list(inner))))
        if op is sre.BRANCH:
            return op, (argument[0], [self.tree(self.lowered(list(b))) for b in argument[1]])
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, high, inner = argument
            return op, (low, high, self.tree(self.lowered(list(inner))))
        if op in (sre.ASSERT, sre.ASSERT_NOT):
            return op, (argument[0], self.tree(self.lowered(list(argument[1]))))
        if op in (sre.AT, sre.ANY, sre.CATEGORY, sre.GROUPREF):
            return op, argument
        raise _Unsafe  # a construct not weighed here: keep the pattern as written

    def _lowered_in(self, kind, value) -> list:
        sre = self.sre
        if kind is sre.LITERAL:
            return [(kind, _lower_code(value))]
        if kind is sre.RANGE:
            low, high = value
            if high > 0x7F:
                raise _Unsafe
            upper_low, upper_high = max(low, ord("A")), min(high, ord("Z"))
            lowered = [(kind, (upper_low + 32, upper_high + 32))] if upper_low <= upper_high else []
            return [(kind, value), *lowered]
        if kind in (sre.NEGATE, sre.CATEGORY):
            return [(kind, value)]
        raise _Unsafe

    def boundaries_moved(self, items: list) -> list:
        """`\\bword...` as `word(?<=\\bword)...`, inside each alternative too."""
        sre = self.sre
        boundary = (sre.AT, sre.AT_BOUNDARY)
        if items and items[0][0] is sre.BRANCH:
            first, rest = items[0][1], items[1:]
            branches = [self.tree(self.boundaries_moved(list(b))) for b in first[1]]
            return [(sre.BRANCH, (first[0], branches)), *rest]
        if not items or items[0] != boundary:
            return items
        rest = items[1:]
        word = 0
        while word < len(rest) and rest[word][0] is sre.LITERAL:
            word += 1
        if word >= 2:
            behind = self.tree([boundary, *rest[:word]])
            return [*rest[:word], (sre.ASSERT, (-1, behind)), *rest[word:]]
        if rest and rest[0][0] is sre.BRANCH:
            return self.boundaries_moved([(sre.BRANCH, self._guarded(rest[0][1])), *rest[1:]])
        return items

    def _guarded(self, branch):
        """`\\b(?:a|b)` as `(?:\\ba|\\bb)`."""
        boundary = (self.sre.AT, self.sre.AT_BOUNDARY)
        return branch[0], [self.tree([boundary, *alternative]) for alternative in branch[1]]


def _lower_code(code: int) -> int:
    letter = chr(code)
    if not letter.isascii() and (letter.lower() != letter or letter.upper() != letter):
        raise _Unsafe
    return ord(letter.lower())
