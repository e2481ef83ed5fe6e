"""Derived results (parsed documents, comparisons, grids, log steps) cached as JSON.

The cache lives in the user's cache folder (`$TRACKER_CACHE_DIR`, else
`$XDG_CACHE_HOME/tracker`, else `~/.cache/tracker`), never in an archive, so an archive
someone hands over cannot supply an entry; and an entry is plain JSON decoded into the
model's dataclasses, so reading one runs no code. Entries are keyed by content hashes and
filed under a digest of every file the results depend on (the analysis, the rules, the
model, the history code): editing any of them starts a fresh cache, never a stale one.
An entry that cannot be read or decoded is recomputed.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import enum
import hashlib
import json
import os
import tempfile
import types
import typing
from collections.abc import Callable
from functools import cache
from pathlib import Path

import tracker

T = typing.TypeVar("T")

# What results are made of: editing anything here changes the cache's folder.
_DEPENDENCIES = ("analysis", "rules", "history", "model.py", "text.py")
_SOURCE_SUFFIXES = (".py", ".toml")


@cache
def code_digest() -> str:
    """A digest of the version and of every source file results depend on."""
    package = Path(tracker.__file__).parent
    digest = hashlib.sha256(tracker.__version__.encode())
    for name in _DEPENDENCIES:
        root = package / name
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for file in files:
            if file.suffix in _SOURCE_SUFFIXES and file.is_file():
                digest.update(str(file.relative_to(package)).encode() + b"\0")
                digest.update(file.read_bytes())
    return digest.hexdigest()[:20]


def cache_root() -> Path | None:
    """The user's cache folder for tracker; None when `TRACKER_CACHE_DIR` is set empty."""
    explicit = os.environ.get("TRACKER_CACHE_DIR")
    if explicit is not None:
        return Path(explicit) if explicit else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tracker"


class ResultCache:
    """JSON results keyed by content hashes; unreadable entries are recomputed, never trusted."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder / code_digest() if folder else None

    @classmethod
    def default(cls) -> ResultCache:
        return cls(cache_root())

    @property
    def enabled(self) -> bool:
        return self.folder is not None

    def has(self, kind: str, key: str) -> bool:
        """Whether an entry was stored (it is still checked when read)."""
        return self.folder is not None and self._path(kind, key).is_file()

    def _path(self, kind: str, key: str) -> Path:
        return self.folder / kind / f"{hashlib.sha256(key.encode()).hexdigest()}.json"

    def get_or_make(self, kind: str, key: str, kind_type: typing.Any, make: Callable[[], T]) -> T:
        if self.folder is None:
            return make()
        path = self._path(kind, key)
        with contextlib.suppress(
            OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError
        ):
            return decode(kind_type, json.loads(path.read_bytes()))
        value = make()
        self._store(path, encode(value))
        return value

    @staticmethod
    def _store(path: Path, text: str) -> None:
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(text)
            os.replace(temporary, path)


def encode(value: object) -> str:
    """A result as JSON text: dataclasses as objects, tuples as lists, dates as ISO text.

    json's C encoder walks the structure; it calls `_plain` only for what it cannot write."""
    return json.dumps(value, default=_plain, separators=(",", ":"))  # ASCII: the fastest path


def _plain(value: object) -> object:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return vars(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    raise TypeError(f"cannot cache a {type(value).__name__}")


def decode(kind_type: typing.Any, data: object) -> typing.Any:
    """JSON values back into `kind_type`; anything of another shape raises TypeError."""
    return _decoder(kind_type)(data)


@cache
def _decoder(kind_type: typing.Any) -> Callable[[object], typing.Any]:
    """A decoding function for one type, built once from its type hints."""
    origin, arguments = typing.get_origin(kind_type), typing.get_args(kind_type)
    if origin in (types.UnionType, typing.Union):
        inner = _decoder(next(argument for argument in arguments if argument is not type(None)))
        return lambda data: None if data is None else inner(data)
    if origin is tuple and len(arguments) == 2 and arguments[1] is Ellipsis:
        item = _decoder(arguments[0])
        return lambda data: tuple(map(item, _list(data)))
    if origin is tuple:
        parts = tuple(_decoder(argument) for argument in arguments)
        return lambda data: tuple(
            part(value) for part, value in zip(parts, _list(data), strict=True)
        )
    if origin is list:
        item = _decoder(arguments[0])
        return lambda data: list(map(item, _list(data)))
    if origin is dict:
        value_of = _decoder(arguments[1])
        return lambda data: {key: value_of(item) for key, item in _object(data).items()}
    if dataclasses.is_dataclass(kind_type):
        fields = tuple((name, _decoder(hint)) for name, hint in _hints(kind_type).items())
        return lambda data: _build(kind_type, fields, _object(data))
    if isinstance(kind_type, type) and issubclass(kind_type, enum.Enum):
        return kind_type
    if kind_type is dt.date:
        return lambda data: dt.date.fromisoformat(_checked(str, data))
    if kind_type is float:
        return lambda data: float(_checked(int | float, data))
    return lambda data: _checked(kind_type, data)


def _build(kind_type: type, fields: tuple, data: dict) -> object:
    return kind_type(**{name: make(data[name]) for name, make in fields if name in data})


def _hints(kind_type: type) -> dict[str, typing.Any]:
    hints = typing.get_type_hints(kind_type)
    return {field.name: hints[field.name] for field in dataclasses.fields(kind_type) if field.init}


def _object(data: object) -> dict:
    if not isinstance(data, dict):
        raise TypeError("expected an object")
    return data


def _list(data: object) -> list:
    if not isinstance(data, list):
        raise TypeError("expected a list")
    return data


def _checked(kind_type: typing.Any, data: object) -> typing.Any:
    if not isinstance(data, kind_type) or (kind_type is int and isinstance(data, bool)):
        raise TypeError(f"expected {kind_type}")
    return data
