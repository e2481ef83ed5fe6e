"""Similarity scores of every row string against every column string, via rapidfuzz."""

from __future__ import annotations

from array import array
from collections.abc import Callable

# numpy, which `cdist` needs, takes longer to import (about 90 ms) than scoring a typical
# pair row by row, so only matrices at least this large go to `cdist`, on every core.
_CDIST_FROM_CELLS = 200_000


def scores_above(
    rows: list[str], columns: list[str], scorer: Callable, cutoff: float = 0
) -> list[dict[int, float]]:
    """Each row's scores (0-100) of at least `cutoff`, by column. Scores are rounded to
    32-bit floats, as `cdist` returns them, so both ways give identical results."""
    from rapidfuzz import process

    if len(rows) * len(columns) < _CDIST_FROM_CELLS:
        return [
            {
                column: _float32(score)
                for _, score, column in process.extract(
                    row, columns, scorer=scorer, score_cutoff=cutoff, limit=None
                )
            }
            for row in rows
        ]
    matrix = process.cdist(rows, columns, scorer=scorer, score_cutoff=cutoff, workers=-1)
    return [{int(column): float(row[column]) for column in row.nonzero()[0]} for row in matrix]


def _float32(value: float) -> float:
    return array("f", [value])[0]
