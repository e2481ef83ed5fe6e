"""Errors the user can act on: each becomes one line on stderr and a non-zero exit."""


class TrackerError(Exception):
    """Something the user can fix; its message is the whole explanation."""

    exit_code = 1


class InputError(TrackerError):
    """Bad input: a file, a date, a policy name."""


class ArchiveError(TrackerError):
    """The archive is missing, locked, or not in a state we can write to."""
