"""Small helpers for the words the tool prints."""


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """`1 section`, `2 sections`, `3 policies`: the count with its noun in the right number."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
