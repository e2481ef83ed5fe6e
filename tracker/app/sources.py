"""From what the user names (files, folders, URLs, stdin) to snapshots ready to file."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from tracker.analysis.dates import find_effective_date
from tracker.analysis.identity import identify
from tracker.analysis.ingest import MAX_INPUT_BYTES, ingest_bytes
from tracker.errors import InputError
from tracker.model import EffectiveDate, Snapshot
from tracker.store.format import text_sha256

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".text")


@dataclass(frozen=True)
class Input:
    """Raw bytes and where they came from, before any interpretation."""

    name: str
    data: bytes
    file_name: str | None = None
    url: str | None = None
    is_html: bool | None = None


@dataclass(frozen=True)
class Prepared:
    snapshot: Snapshot
    name: str
    policy_reason: str
    encoding: str = "utf-8"


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
    root = folder.resolve()
    for path in sorted(folder.rglob("*")):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        if not path.is_file() or path.suffix.lower() not in SUFFIXES:
            continue
        if not path.resolve().is_relative_to(root):
            raise InputError(f"{path}: a link to a file outside {folder}; copy the file in instead")
        yield path


def read_input(source: str | Path, url: str | None = None) -> Input:
    if source == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        return Input("standard input", data, url=url)
    if isinstance(source, str) and is_url(source):
        from tracker.app.fetch import fetch

        fetched = fetch(source)
        return Input(source, fetched.data, url=url or fetched.url, is_html=fetched.is_html)
    path = Path(source)
    try:
        if path.stat().st_size > MAX_INPUT_BYTES:
            size = path.stat().st_size / 1e6
            raise InputError(
                f"{path}: too large ({size:.1f} MB; the limit is {MAX_INPUT_BYTES // 2**20} MB)"
            )
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or folder") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read it ({error.strerror})") from None
    return Input(str(path), data, file_name=path.name[:255], url=url)


def prepare(
    raw: Input,
    *,
    policy: str | None,
    date: EffectiveDate | None,
    known_policies: list[str],
    latest_text: Callable[[str], str] | None = None,
) -> Prepared:
    """Ingest, date and name one input; raises InputError with a fix when it cannot."""
    ingested = ingest_bytes(
        raw.data, name=raw.name, file_name=raw.file_name, url=raw.url, is_html=raw.is_html
    )
    effective = date or find_effective_date(ingested.text)
    if effective is None:
        raise InputError(
            f"{raw.name}: no effective date found (looked for 'Effective date', 'Last updated'...); "
            "give one with --date YYYY-MM-DD"
        )
    if policy:
        chosen, reason = policy, "given with --policy"
    else:
        identified = identify(ingested, known_policies, latest_text)
        chosen, reason = identified.policy, identified.reason
    snapshot = Snapshot(
        policy=chosen,
        effective=effective,
        text=ingested.text,
        source=replace(ingested.source, file_name=raw.file_name or ingested.source.file_name),
        sha256=text_sha256(ingested.text),
    )
    return Prepared(snapshot, raw.name, reason, ingested.encoding)
