"""From what the user names (files, folders, URLs, stdin) to snapshots ready to file."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from tracker.analysis.dates import date_in_file_name
from tracker.analysis.identity import identify
from tracker.analysis.ingest import MAX_INPUT_BYTES, ingest_bytes
from tracker.analysis.sections import stated_date
from tracker.errors import InputError, shown
from tracker.model import Document, EffectiveDate, Observation, ObservedBy, Snapshot, Source
from tracker.store.format import text_sha256
from tracker.store.git import now_iso

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".text")


@dataclass(frozen=True)
class Input:
    """Raw bytes and where they came from, before any interpretation."""

    name: str
    data: bytes
    file_name: str | None = None
    url: str | None = None
    is_html: bool | None = None
    fetched: bool = False  # from its URL, now


@dataclass(frozen=True)
class Prepared:
    snapshot: Snapshot
    name: str
    policy_reason: str
    encoding: str = "utf-8"
    document: Document | None = None


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def expand_sources(sources: list[str]) -> Iterator[str | Path]:
    """Each source as a URL, `-`, or a file path (folders give their policy files, sorted)."""
    for source in sources:
        if is_url(source) or source == "-":
            yield source
            continue
        path = Path(source)
        if path.is_dir():
            yield from _files_in(path)
        else:
            yield path


def _files_in(folder: Path) -> Iterator[Path]:
    """The policy files in `folder`. A FIFO, device or socket among them is yielded too, for
    `read_input` to refuse in one line without opening it: skipped, and said so."""
    root = folder.resolve()
    for path in sorted(folder.rglob("*")):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        if path.suffix.lower() not in SUFFIXES:
            continue
        try:
            mode = path.stat().st_mode  # follows a link, never opens: a FIFO cannot block it
        except OSError:
            continue  # a dangling link
        if stat.S_ISDIR(mode):
            continue  # a folder named like a file; rglob walks into it
        if not path.resolve().is_relative_to(root):
            raise InputError(
                f"{shown(path, None)}: a link to a file outside {shown(folder, None)}; "
                "copy the file in instead"
            )
        yield path


def read_input(source: str | Path, url: str | None = None) -> Input:
    """The bytes of a URL, of stdin (`-`) or of a regular file, never more than the limit."""
    if source == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)  # bounded, like a URL's body
        if len(data) > MAX_INPUT_BYTES:
            raise InputError(
                f"standard input: more than {_LIMIT}, the most one snapshot may be; nothing filed"
            )
        return Input("standard input", data, url=url)
    if isinstance(source, str) and is_url(source):
        from tracker.app.fetch import fetch

        fetched = fetch(source)
        return Input(
            source, fetched.data, url=url or fetched.url, is_html=fetched.is_html, fetched=True
        )
    path = Path(source)
    return Input(str(path), _read_file(path), file_name=path.name[:255], url=url)


_LIMIT = f"{MAX_INPUT_BYTES // 2**20} MB"
_NOT_REGULAR = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def not_regular(mode: int) -> str | None:
    """What a file of this mode is when it is not a regular file (`a FIFO`); None if it is."""
    if stat.S_ISREG(mode):
        return None
    return next((kind for test, kind in _NOT_REGULAR if test(mode)), "not a file")


def _read_file(path: Path) -> bytes:
    """A regular file's bytes, read to at most the limit. Anything else is refused before it
    is opened: a FIFO would block for ever, /dev/zero never ends, a device may act on open.
    The open cannot block either (O_NONBLOCK), and its own status is checked again, in case
    the path was swapped in between."""
    name = shown(path, None)
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        kind = not_regular(os.stat(path).st_mode)
        if kind == "a folder":
            raise InputError(f"{name}: is a folder")
        if kind:
            raise InputError(f"{name} is not a regular file ({kind})")
        with open(os.open(path, flags), "rb") as handle:
            status = os.fstat(handle.fileno())
            kind = not_regular(status.st_mode)
            if kind:
                raise InputError(f"{name} is not a regular file ({kind})")
            if status.st_size > MAX_INPUT_BYTES:
                size = status.st_size / 1e6
                raise InputError(f"{name}: too large ({size:.1f} MB; the limit is {_LIMIT})")
            data = handle.read(MAX_INPUT_BYTES + 1)
    except (FileNotFoundError, NotADirectoryError):
        raise InputError(f"{name}: no such file or folder") from None
    except OSError as error:
        raise InputError(f"{name}: cannot read it ({error.strerror})") from None
    if len(data) > MAX_INPUT_BYTES:  # it grew while being read
        raise InputError(f"{name}: too large (more than {_LIMIT})")
    return data


def prepare(
    raw: Input,
    *,
    policy: str | None,
    date: EffectiveDate | None,
    known_policies: list[str],
    latest_text: Callable[[str], str] | None = None,
    observed: EffectiveDate | None = None,
) -> Prepared:
    """Ingest, date and name one input; raises InputError with a fix when it cannot."""
    ingested = ingest_bytes(
        raw.data,
        name=shown(raw.name, None),
        file_name=raw.file_name,
        url=raw.url,
        is_html=raw.is_html,
    )
    from tracker.history.history import read_document  # `parse` needs no archive code

    sha256 = text_sha256(ingested.text)
    document = read_document(ingested.text, sha256)
    effective = date or stated_date(ingested.text, document)
    if effective is None:
        raise InputError(
            f"{shown(raw.name, None)}: no effective date found (looked for 'Effective date', 'Last updated'...); "
            "give one with --date YYYY-MM-DD"
        )
    if policy:
        chosen, reason = policy, "given with --policy"
    else:
        identified = identify(ingested, known_policies, latest_text)
        chosen, reason = identified.policy, identified.reason
    source = replace(ingested.source, file_name=raw.file_name or ingested.source.file_name)
    snapshot = Snapshot(
        policy=chosen,
        effective=effective,
        text=ingested.text,
        source=source,
        sha256=sha256,
        observed=sighting(source, observed, fetched=raw.fetched),
    )
    return Prepared(snapshot, raw.name, reason, ingested.encoding, document)


def sighting(source: Source, given: EffectiveDate | None, *, fetched: bool) -> Observation | None:
    """When the capture was seen: `--observed`, else the web archive's date, else the recorded
    date, else a file name that is a date, else today for a page fetched now. None: only the
    add's own day is known, which the archive records."""
    if given:
        return Observation(given.iso, ObservedBy.GIVEN)
    for day, by in (
        (source.archived_on, ObservedBy.ARCHIVE),
        (source.recorded_on, ObservedBy.RECORDED),
        (source.file_name and date_in_file_name(source.file_name), ObservedBy.FILE_NAME),
    ):
        if day:
            return Observation(day[:10], by)
    return Observation(now_iso()[:10], ObservedBy.FETCHED) if fetched else None  # the add's day
