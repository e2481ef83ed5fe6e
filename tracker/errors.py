"""Errors the user can act on: each becomes one line on stderr and a non-zero exit."""


class TrackerError(Exception):
    """Something the user can fix; its message is the whole explanation."""

    exit_code = 1


class InputError(TrackerError):
    """Bad input: a file, a date, a policy name."""


class ArchiveError(TrackerError):
    """The archive is missing, locked, or not in a state we can write to."""


_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def shown(value: object, limit: int | None = 80) -> str:
    r"""`value` as a message echoes it: on one line and inert, cut to `limit` characters.

    Every control character (C0, DEL, C1) is written as its escape, Python's way: a newline
    as the two characters `\n`, a tab as `\t`, ESC as `\x1b`. A longer value keeps its start
    and its last 20 characters around `…`, so a long path still ends in its file name and a
    pasted 5,000-character argument cannot swamp the line.
    """
    text = "".join(
        _ESCAPES.get(char, f"\\x{ord(char):02x}")
        if ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F
        else char
        for char in str(value)
    )
    if limit is None or len(text) <= limit:
        return text
    return text[: limit - 21] + "…" + text[-20:]
