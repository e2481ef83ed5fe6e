"""Two versions of a document in, what became of each section out.

1. Sections with the same title and the same text pair up by hash, with no fuzzy work.
2. The rest are scored on several signals at once (normalised title, fuzzy title,
   word-level content similarity) and paired globally, best pair first.
3. Paragraphs that left their section are found in other sections: `moves`.
4. A section that is unpaired but whose text lives on elsewhere is `split` (into
   several) or `merged` (into one); it is `removed` only when its text is gone.
5. Pairs are `unchanged`, `renamed`, `moved` (out of order with their
   neighbours) or `modified`; word diffs run inside each pair, never over the
   whole document; `cosmetic` marks edits of case, spacing, punctuation or quotes.
"""

from __future__ import annotations

from tracker.analysis.compare.align import _classify, _pair_identical, _pair_similar
from tracker.analysis.compare.flows import _Flows, _moves
from tracker.analysis.compare.units import PREAMBLE_TITLE, _units, sections_with_preamble
from tracker.analysis.compare.words import is_cosmetic, similarity, word_diff
from tracker.model import Comparison, Document

__all__ = [
    "PREAMBLE_TITLE",
    "compare",
    "is_cosmetic",
    "sections_with_preamble",
    "similarity",
    "word_diff",
]


def compare(old: Document, new: Document, *, words: bool = True) -> Comparison:
    old_units = _units(old)
    new_units = _units(new)
    pairs = _pair_identical(old_units, new_units)
    flows = _Flows.measure(old_units, new_units, pairs)
    _pair_similar(old_units, new_units, pairs, flows)
    changes = _classify(old_units, new_units, pairs, flows, words)
    moves = _moves(old_units, new_units, pairs, flows, changes)
    return Comparison(changes=tuple(changes), moves=tuple(moves))
