"""The cache cannot lie and cannot run code.

Results are cached as JSON in the user's cache folder, keyed by a digest of every file they
depend on. Editing a date cue, the slug rule, a wording or an alignment weight in a copy of the
package shows at once in `parse`, `diff`, `log` and `timeline`; an entry planted in the cache,
or in an archive's `.git`, runs nothing.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import MESOSPHERE_2016, MESOSPHERE_2018, ROOT, run_tracker_process
from tracker.analysis.sections import parse_document
from tracker.history.cache import ResultCache, code_digest, decode, encode
from tracker.model import Comparison, Document

POLICY = "mesosphere/privacy"


def test_results_round_trip_through_json():
    from tracker.analysis.compare import compare
    from tracker.analysis.meaning import annotate

    old = parse_document(MESOSPHERE_2016.read_text())
    new = parse_document(MESOSPHERE_2018.read_text())
    comparison = annotate(compare(old, new))
    assert decode(Comparison, json.loads(encode(comparison))) == comparison
    assert decode(Document, json.loads(encode(new))) == new


def test_a_malformed_entry_is_recomputed(tmp_path):
    cache = ResultCache(tmp_path)
    made = cache.get_or_make("parse", "key", Document, lambda: Document("T", "", ()))
    entry = next((tmp_path / code_digest() / "parse").glob("*.json"))
    for planted in ('{"title": 1}', "[]", "not json", '{"__reduce__": "os.system"}'):
        entry.write_text(planted)
        assert cache.get_or_make("parse", "key", Document, lambda: made) == made


def _copy_package(tmp_path: Path) -> Path:
    root = tmp_path / "copy"
    shutil.copytree(
        ROOT / "tracker", root / "tracker", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copytree(ROOT / "archive", root / "archive")  # the samples the package data points at
    return root


def _runner(package_root: Path, cache: Path):
    """`tracker` in a process of its own, importing the package found under `package_root`."""

    def run(*args: str, cached: bool = True) -> str:
        environment = {
            "PYTHONPATH": str(package_root),
            "TRACKER_CACHE_DIR": str(cache) if cached else "",
        }
        done = run_tracker_process(*args, cwd=package_root, env=environment)
        assert done.code == 0, done.err
        return done.out

    return run


EDITS = {
    "date cue": ("rules/en/dates.toml", "(?:updated", "(?:no-longer-updated"),
    "slug rule": (
        "text.py",
        'return re.sub(r"[^a-z0-9]+", "-", ascii_text',
        'return "s-" + re.sub(r"[^a-z0-9]+", "-", ascii_text',
    ),
    "wording": ("present/wording.py", "'passage'", "'chunk'"),
    "alignment weight": ("analysis/weights.py", "MATCH_THRESHOLD = 0.42", "MATCH_THRESHOLD = 0.99"),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_an_edit_to_the_rules_or_code_shows_at_once(edit, tmp_path):
    package = _copy_package(tmp_path)
    run = _runner(package, tmp_path / "cache")
    archive = str(tmp_path / "archive")
    run("init", archive)
    for seed in (MESOSPHERE_2016, MESOSPHERE_2018):
        run("add", str(seed), "--policy", POLICY, "--archive", archive)
    commands = {
        "parse": ("parse", str(MESOSPHERE_2018), "--json"),
        "diff": ("diff", POLICY, "--json", "--archive", archive),
        "log": ("log", POLICY, "--archive", archive),
        "timeline": ("timeline", POLICY, "--json", "--archive", archive),
    }
    before = {name: run(*args) for name, args in commands.items()}  # fills the cache
    path, old, new = EDITS[edit]
    source = package / "tracker" / path
    assert old in source.read_text()
    source.write_text(source.read_text().replace(old, new))
    after = {name: run(*args) for name, args in commands.items()}
    fresh = {name: run(*args, cached=False) for name, args in commands.items()}
    assert after == fresh  # nothing stale
    changed = {name for name in commands if after[name] != before[name]}
    expected = {
        "date cue": {"parse"},
        "slug rule": {"parse", "diff"},
        "wording": {"log"},
        "alignment weight": {"diff", "log", "timeline"},
    }[edit]
    assert expected <= changed


def _without_times(output: str) -> str:
    """The report says when it was generated; nothing else may differ."""
    document = json.loads(output)
    document.pop("generated_at", None)
    return json.dumps(document, sort_keys=True)


def test_nothing_planted_in_an_archive_or_the_cache_runs(tmp_path):
    """Every cache entry overwritten with a pickle that would create a marker file, and the same
    planted where the cache once lived (`.git/tracker-cache`): every read command gives the
    same answer as before and the marker never appears."""
    import pickle

    cache = tmp_path / "cache"
    run = _runner(ROOT, cache)
    archive = tmp_path / "archive"
    run("init", str(archive))
    for seed in (MESOSPHERE_2016, MESOSPHERE_2018):
        run("add", str(seed), "--policy", POLICY, "--archive", str(archive))
    commands = (
        ("parse", str(MESOSPHERE_2018), "--json"),
        ("diff", POLICY, "--json", "--archive", str(archive)),
        ("log", POLICY, "--json", "--archive", str(archive)),
        ("timeline", POLICY, "--json", "--archive", str(archive)),
        ("show", POLICY, "--sections", "--json", "--archive", str(archive)),
        ("report", "--format", "json", "--archive", str(archive)),
    )
    before = [_without_times(run(*args)) for args in commands]
    marker = tmp_path / "pwned"

    class Exploit:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    payload = pickle.dumps(Exploit())
    entries = list(cache.rglob("*.json"))
    assert entries
    for entry in entries:
        entry.write_bytes(payload)
    for kind in ("parse", "compare", "align", "log", "grid"):
        folder = archive / ".git" / "tracker-cache" / kind
        folder.mkdir(parents=True)
        (folder / "entry.pickle").write_bytes(payload)
    assert [_without_times(run(*args)) for args in commands] == before
    assert not marker.exists()
