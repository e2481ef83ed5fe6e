"""A damaged archive: `tracker verify` names each problem, and writes refuse to go on top."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import DOTCLOUD, SEEDS, git, run_tracker


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    archive = tmp_path / "archive"
    run_tracker("init", str(archive))
    assert run_tracker("add", *map(str, SEEDS[:4]), "--archive", str(archive)).code == 0
    return archive


def verify(archive: Path) -> tuple[int, str]:
    result = run_tracker("verify", "--archive", str(archive))
    return result.code, result.out + result.err


def test_deleted_object_is_named(filled):
    pack_folder = filled / ".git" / "objects" / "pack"
    for pack in pack_folder.glob("*.pack"):  # explode packs so one object can be removed
        moved = filled / pack.name
        pack.rename(moved)
        pack.with_suffix(".idx").unlink()
        subprocess.run(
            ["git", "-C", str(filled), "unpack-objects", "-q"], stdin=moved.open("rb"), check=True
        )
        moved.unlink()
    blob = git(filled, "rev-parse", "HEAD:mesosphere/privacy/2016-04-19.md").strip()
    (filled / ".git" / "objects" / blob[:2] / blob[2:]).unlink()
    code, output = verify(filled)
    assert code == 1
    assert "mesosphere/privacy/2016-04-19.md" in output and "missing" in output


def test_truncated_file_is_named_and_blocks_writes(filled):
    target = filled / "balena/privacy/2020-04-01.md"
    target.write_bytes(target.read_bytes()[:500])
    code, output = verify(filled)
    assert code == 1 and "balena/privacy/2020-04-01.md" in output and "by hand" in output
    result = run_tracker("add", str(SEEDS[4]), "--archive", str(filled))
    assert result.code == 1 and "tracker verify" in result.err
    assert target.stat().st_size == 500  # nothing was "repaired" silently either


def test_hand_edit_committed_with_git_is_named_and_blocks_writes(filled):
    target = filled / "dotcloud/privacy/2011-08-29.md"
    target.write_text(target.read_text().replace("dotCloud", "DotCloud"))
    git(
        filled, "-c", "user.name=x", "-c", "user.email=x@example.invalid", "commit", "-qam", "tweak"
    )
    code, output = verify(filled)
    assert code == 1 and "dotcloud/privacy/2011-08-29.md" in output and "sha256" in output
    result = run_tracker("add", str(SEEDS[4]), "--archive", str(filled))
    assert (
        result.code == 1 and "not made by tracker" in result.err and "tracker verify" in result.err
    )


def test_missing_marker_is_named(filled):
    (filled / ".tracker-archive").unlink()
    code, output = verify(filled)
    assert code == 1 and ".tracker-archive" in output
    result = run_tracker("add", str(DOTCLOUD), "--archive", str(filled))
    assert result.code == 1 and "not a tracker archive" in result.err


def test_verify_json_lists_problems(filled):
    target = filled / "balena/privacy/2020-04-01.md"
    target.unlink()
    report = json.loads(run_tracker("verify", "--json", "--archive", str(filled)).out)
    assert report["ok"] is False
    assert {
        "file": "balena/privacy/2020-04-01.md",
        "problem": report["problems"][0]["problem"],
    } in report["problems"]
