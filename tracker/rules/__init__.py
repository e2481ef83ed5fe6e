"""Rule data: cue words, lexicons and word lists, read from `rules/<language>/*.toml`.

Code never spells a list out; it asks for one here. Each list lives in exactly one file
(tests/unit/test_rules.py checks their integrity), and a new language is a new folder.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any

LANGUAGE = "en"


@cache
def load(name: str, language: str = LANGUAGE) -> dict[str, Any]:
    """One rule file as data: `load("dates")["cues"]`."""
    text = resources.files(__name__).joinpath(language, f"{name}.toml").read_text("utf-8")
    return tomllib.loads(text)


def pattern(name: str, key: str, flags: int = 0) -> re.Pattern[str]:
    """A regular expression kept in a rule file, compiled: `pattern("facts", "cues.keeping")`."""
    value: Any = load(name)
    for part in key.split("."):
        value = value[part]
    return re.compile(value, flags)


def words(name: str, key: str) -> frozenset[str]:
    """A word list kept in a rule file, as a set."""
    return frozenset(load(name)[key])


def languages() -> list[str]:
    """Every language with rules of its own: the folders of rule files here."""
    folder = resources.files(__name__)
    return sorted(entry.name for entry in folder.iterdir() if entry.is_dir() and files(entry.name))


def files(language: str = LANGUAGE) -> list[str]:
    """The names of every rule file of a language."""
    folder = resources.files(__name__).joinpath(language)
    if not folder.is_dir():
        return []
    return sorted(
        entry.name.removesuffix(".toml")
        for entry in folder.iterdir()
        if entry.name.endswith(".toml")
    )
