"""Golden `--json` of every command on the demo archive: the contract scripts rely on.

Volatile values (commit ids, add times, temporary paths) are replaced by placeholders; every
other byte must stay the same across refactorings. `TRACKER_UPDATE_GOLDEN=1 pytest
tests/contracts` rewrites the files after a deliberate change of output.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path

import pytest

from conftest import MESOSPHERE_2016, MESOSPHERE_2018, ROOT, SEEDS

GOLDEN = Path(__file__).parent / "golden"
_HEX = re.compile(r"\b[0-9a-f]{40}\b")
_VOLATILE_KEYS = {"added_at", "generated_at", "generated"}


def _commands(demo: Path) -> dict[str, tuple[str, ...]]:
    policies = ("mesosphere/privacy", "bluesky/privacy-policy", "quora/privacy-policy")
    commands: dict[str, tuple[str, ...]] = {
        "list": ("list",),
        "verify": ("verify",),
        "report": ("report", "--format", "json"),
        "diff-files": ("diff", str(MESOSPHERE_2016), str(MESOSPHERE_2018)),
        "diff-files-words": ("diff", str(MESOSPHERE_2016), str(MESOSPHERE_2018), "--words"),
        "diff-refs": ("diff", "mesosphere/privacy@2016-04-19", "mesosphere/privacy@2018-05"),
        "show-sections": ("show", "mesosphere/privacy", "--sections"),
        "show": ("show", "bluesky/privacy-policy"),
    }
    for seed in SEEDS:
        commands[f"parse-{seed.name[:3]}"] = ("parse", str(seed))
    for policy in policies:
        name = policy.split("/")[0]
        commands[f"log-{name}"] = ("log", policy)
        commands[f"timeline-{name}"] = ("timeline", policy)
        commands[f"diff-{name}"] = ("diff", policy, "--words")
    return commands


_TODAY = {dt.date.today().isoformat(), dt.datetime.now(dt.UTC).date().isoformat()}


def normalise(value, demo: Path):
    if isinstance(value, dict):
        return {
            key: "<volatile>" if key in _VOLATILE_KEYS else normalise(item, demo)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [normalise(item, demo) for item in value]
    if isinstance(value, str):
        value = value.replace(str(demo.resolve()), "<archive>").replace(str(ROOT), "<root>")
        if value in _TODAY:  # the day a sample was filed is a sighting: it is today
            return "<today>"
        return _HEX.sub("<commit>", value)
    return value


def _cases():
    return sorted(_commands(Path("/")).keys())


@pytest.mark.parametrize("name", _cases())
def test_json_output_matches_the_golden_file(name: str, demo_archive: Path, tracker) -> None:
    args = _commands(demo_archive)[name]
    as_json = () if args[0] == "report" else ("--json",)
    result = tracker("--archive", str(demo_archive), *args, *as_json)
    assert result.code == 0, result.err
    actual = normalise(json.loads(result.out), demo_archive)
    golden = GOLDEN / f"{name}.json"
    if os.environ.get("TRACKER_UPDATE_GOLDEN") or not golden.exists():
        golden.write_text(json.dumps(actual, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    assert actual == json.loads(golden.read_text())
