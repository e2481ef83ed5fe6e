"""Adding snapshots through the real CLI: the happy paths, duplicates, backfills, and bad input."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
from pathlib import Path

import pytest

from conftest import (
    DOTCLOUD,
    MESOSPHERE_2016,
    MESOSPHERE_2018,
    SEEDS,
    archive_state,
    git,
    run_tracker,
    run_tracker_process,
)


def test_demo_files_every_seed_with_its_policy_and_date(demo_archive):
    listing = json.loads(run_tracker("list", "--json", cwd=demo_archive).out)
    assert {(p["policy"], p["versions"]) for p in listing["policies"]} == {
        ("mesosphere/privacy", 2), ("dotcloud/privacy", 1), ("balena/privacy", 1), ("mixpanel/privacy", 1),
        ("quora/privacy-policy", 36), ("bluesky/privacy-policy", 10), ("twitter/privacy-policy", 9),
        ("bereal/privacy-policy", 4),
    }  # fmt: skip
    log = json.loads(run_tracker("log", "mesosphere/privacy", "--json", cwd=demo_archive).out)
    assert [(v["effective_date"], v["date_precision"]) for v in log["versions"]] == [
        ("2016-04-19", "day"), ("2018-05-01", "month"),
    ]  # fmt: skip
    assert log["versions"][1]["archived_on"] == "2018-06-29"
    assert log["versions"][1]["source_url"] == "https://mesosphere.com/privacy"


def test_one_commit_per_snapshot_with_trailers_and_clean_fsck(demo_archive):
    subjects = git(demo_archive, "log", "--format=%s", "main").splitlines()
    assert len([s for s in subjects if s.startswith("Add ")]) == 5 + 59
    body = git(demo_archive, "log", "-1", "--format=%B", "--grep", "mesosphere/privacy 2018-05")
    assert "Tracker-Effective-Date: 2018-05-01" in body and "Tracker-Date-Precision: month" in body
    git(demo_archive, "fsck", "--strict")
    assert run_tracker("verify", cwd=demo_archive).code == 0


def test_snapshot_file_has_front_matter(demo_archive):
    text = (demo_archive / "mesosphere/privacy/2018-05-01.md").read_text()
    assert text.startswith(
        '---\npolicy: "mesosphere/privacy"\neffective_date: "2018-05-01"\ndate_precision: "month"'
    )
    assert 'archived_on: "2018-06-29"' in text and 'sha256: "' in text


def test_same_text_twice_is_a_no_op(archive):
    first = run_tracker("add", str(MESOSPHERE_2016), "--archive", str(archive))
    before = archive_state(archive)
    again = run_tracker("add", str(MESOSPHERE_2016), "--archive", str(archive))
    assert first.code == again.code == 0
    assert "unchanged" in again.out and "nothing filed" in again.out
    assert archive_state(archive) == before


def test_backfill_slots_into_the_timeline(archive):
    run_tracker("add", str(MESOSPHERE_2018), "--archive", str(archive))
    run_tracker("add", str(MESOSPHERE_2016), "--archive", str(archive))
    log = json.loads(
        run_tracker("log", "mesosphere/privacy", "--json", "--archive", str(archive)).out
    )
    assert [v["effective_date"] for v in log["versions"]] == ["2016-04-19", "2018-05-01"]
    timeline_branch = git(archive, "log", "--format=%s", "timeline/mesosphere/privacy").splitlines()
    assert timeline_branch == [
        "mesosphere/privacy effective 2018-05 (month)",
        "mesosphere/privacy effective 2016-04-19 (day)",
    ]


def test_folder_stdin_and_overrides(archive, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.md").write_text(
        "# Acme Privacy Policy\n\nLast updated: 1 June 2020\n\nWe collect your name.\n"
    )
    (folder / "b.md").write_text(
        "# Acme Privacy Policy\n\nLast updated: 1 June 2021\n\nWe collect your email address.\n"
    )
    (folder / "notes.png").write_bytes(b"\x89PNG....")
    result = run_tracker(
        "add", str(folder), "--policy", "acme/privacy", "--archive", str(archive), "--json"
    )
    assert result.code == 0, result.err
    assert [f["effective_date"] for f in json.loads(result.out)["filed"]] == [
        "2020-06-01",
        "2021-06-01",
    ]
    piped = run_tracker(
        "add", "-", "--policy", "acme/privacy", "--date", "2022-02", "--archive", str(archive),
        stdin=b"<html><body><h1>Acme</h1><p>We sell nothing.</p></body></html>",
    )  # fmt: skip
    assert piped.code == 0, piped.err
    log = json.loads(run_tracker("log", "acme/privacy", "--json", "--archive", str(archive)).out)
    assert log["versions"][-1]["date_precision"] == "month"


NAMELESS = """Last updated: {date}

## What we keep

We keep the messages you send to the help desk and the notes you attach to tickets,
so that the people answering can see what happened before. {extra}

## How long

Ticket notes stay for two years; after that they are erased from the help desk.
"""


def test_a_nameless_snapshot_follows_the_policy_it_resembles(archive, tmp_path):
    first, second, stranger = (tmp_path / name for name in ("a.md", "b.md", "c.md"))
    first.write_text(NAMELESS.format(date="1 June 2020", extra=""))
    second.write_text(NAMELESS.format(date="1 June 2021", extra="Attachments are scanned."))
    stranger.write_text("Last updated: 1 June 2021\n\nOur bakery opens at dawn every day.\n")
    run_tracker("add", str(first), "--policy", "helpdesk/notes", "--archive", str(archive))
    result = run_tracker("add", str(second), "--archive", str(archive))
    assert result.code == 0, result.err
    assert "helpdesk/notes" in result.out and "latest version" in result.out
    refused = run_tracker("add", str(stranger), "--archive", str(archive))
    assert refused.code == 1 and "--policy" in refused.err


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[list[str], str]]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    pdf = tmp_path / "policy.html"
    pdf.write_bytes(b"%PDF-1.4 binary")
    undated = tmp_path / "undated.md"
    undated.write_text("# Acme privacy policy\n\nWe collect data.\n")
    anonymous = tmp_path / "anonymous.md"
    anonymous.write_text("We collect data and we keep it safe.\n")
    return {
        "empty file": ([str(empty), "--policy", "a/b"], "empty"),
        "binary file": ([str(binary), "--policy", "a/b"], "binary"),
        "pdf named html": ([str(pdf), "--policy", "a/b"], "PDF"),
        "missing file": ([str(tmp_path / "nope.txt")], "no such file"),
        "no date": ([str(undated), "--policy", "acme/privacy"], "--date"),
        "bad --date": ([str(MESOSPHERE_2016), "--date", "someday"], "cannot read the date"),
        "bad slug": ([str(MESOSPHERE_2016), "--policy", "../etc"], "bad policy name"),
        "absolute slug": ([str(MESOSPHERE_2016), "--policy", "/etc/passwd"], "bad policy name"),
        "unsure policy": ([str(anonymous), "--date", "2020-01-01"], "--policy"),
    }


@pytest.mark.parametrize("case", list(_bad_inputs(Path("/tmp"))))
def test_bad_input_is_one_line_and_changes_nothing(case, archive, tmp_path):
    args, message = _bad_inputs(tmp_path)[case]
    run_tracker("add", str(DOTCLOUD), "--archive", str(archive))
    before = archive_state(archive)
    result = run_tracker("add", *args, "--archive", str(archive))
    assert result.code == 1
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.err, result.err
    assert message in lines[0]
    assert archive_state(archive) == before


def test_windows_1252_text_is_decoded(archive, tmp_path):
    file = tmp_path / "cp1252.txt"
    file.write_bytes(
        "Effective date: March 3, 2020\n\nWe don\u2019t sell data. Caf\u00e9.\n".encode("cp1252")
    )
    result = run_tracker("add", str(file), "--policy", "cafe/privacy", "--archive", str(archive))
    assert result.code == 0, result.err
    assert "Café" in run_tracker("show", "cafe/privacy", "--archive", str(archive)).out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["log", "nobody/privacy"], "unknown policy"),
        (["show", "mesosphere/privacy@1999-01-01"], "no version dated"),
        (["diff", "nobody/privacy"], "unknown policy"),
    ],
)
def test_unknown_policy_and_version(demo_archive, args, message):
    result = run_tracker(*args, cwd=demo_archive)
    assert result.code == 1 and message in result.err and len(result.err.splitlines()) == 1


def test_not_an_archive_and_broken_archive(tmp_path):
    plain = tmp_path / "plain"
    plain.mkdir()
    result = run_tracker("list", "--archive", str(plain))
    assert result.code == 1 and "not a tracker archive" in result.err
    broken = tmp_path / "broken"
    assert run_tracker("init", str(broken)).code == 0
    (broken / ".git" / "HEAD").write_text("garbage\n")
    result = run_tracker("add", str(DOTCLOUD), "--archive", str(broken))
    assert result.code == 1 and "Traceback" not in result.err and len(result.err.splitlines()) == 1


def test_usage_error_exits_2(tracker):
    result = tracker("frobnicate")
    assert result.code == 2 and len(result.err.splitlines()) == 1


def test_the_entry_point_in_a_process_of_its_own():
    # The other tests run `_run` in this process; this one goes through `main()` and `sys.exit`.
    assert run_tracker_process("--version").out.startswith("tracker, version")
    usage = run_tracker_process("frobnicate")
    assert usage.code == 2 and len(usage.err.splitlines()) == 1 and "Traceback" not in usage.err


def test_help_teaches_every_command(tracker):
    top = tracker("--help").out
    for command in (
        "init",
        "add",
        "list",
        "log",
        "parse",
        "show",
        "diff",
        "timeline",
        "verify",
        "demo",
        "tui",
    ):
        assert command in top
        assert "Example" in tracker(command, "--help").out


def _add_in_process(archive: str, file: str, policy: str) -> int:
    return run_tracker("add", file, "--policy", policy, "--archive", archive).code


def test_two_writers_at_once_both_land(archive, tmp_path):
    files = []
    for number in range(6):
        file = tmp_path / f"v{number}.md"
        file.write_text(
            f"Effective date: January {number + 1}, 2020\n\nVersion {number} of the text.\n"
        )
        files.append(str(file))
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        codes = pool.starmap(
            _add_in_process, [(str(archive), file, "acme/privacy") for file in files]
        )
    assert codes == [0] * 6
    log = json.loads(run_tracker("log", "acme/privacy", "--json", "--archive", str(archive)).out)
    assert len(log["versions"]) == 6
    assert run_tracker("verify", "--archive", str(archive)).code == 0


def _observe_in_process(archive: str, file: str, day: str) -> int:
    return run_tracker(
        "add", file, "--policy", "acme/privacy", "--observed", day, "--archive", archive
    ).code


def test_two_writers_recording_sightings_at_once_keep_them_all(archive, tmp_path):
    file = tmp_path / "page.md"
    file.write_text("Effective date: January 1, 2020\n\nThe one text of the policy.\n")
    assert _observe_in_process(str(archive), str(file), "2020-01-02") == 0
    days = [f"2020-02-{day:02d}" for day in range(1, 7)]
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        codes = pool.starmap(_observe_in_process, [(str(archive), str(file), d) for d in days])
    assert codes == [0] * 6
    log = json.loads(run_tracker("log", "acme/privacy", "--json", "--archive", str(archive)).out)
    [version] = log["versions"]
    assert version["observations"] == ["2020-01-02", *days]
    assert run_tracker("verify", "--archive", str(archive)).code == 0


def test_failure_mid_add_leaves_archive_unchanged(archive, tmp_path):
    """A git failure inside the transaction (fast-import refusing the stream) rolls nothing forward."""
    run_tracker("add", str(DOTCLOUD), "--archive", str(archive))
    before = archive_state(archive)
    # A `git` first on PATH that hands fast-import a stream it refuses, and runs the rest as is.
    real_git, wrapper = shutil.which("git"), tmp_path / "bin" / "git"
    wrapper.parent.mkdir()
    wrapper.write_text(
        f'#!/bin/sh\ncase " $* " in *" fast-import "*)\n'
        f'  echo "this is not a fast-import stream" | {real_git} "$@"; exit $?;;\nesac\n'
        f'exec {real_git} "$@"\n'
    )
    wrapper.chmod(0o755)
    result = run_tracker(
        "add", str(MESOSPHERE_2016), "--archive", str(archive),
        env={"PATH": f"{wrapper.parent}{os.pathsep}{os.environ['PATH']}"},
    )  # fmt: skip
    assert result.code == 1 and "nothing was filed" in result.err
    assert archive_state(archive) == before
    assert run_tracker("verify", "--archive", str(archive)).code == 0


def test_seeds_are_the_bundled_samples():
    assert len(SEEDS) == 5


def test_plain_word_diff_keeps_line_breaks_under_its_change(tmp_path):
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(
        "Effective date: May 1, 2020\n\n## Data\n\nWe keep notes for 30 days.\nThen we delete them.\n"
    )
    new.write_text(
        "Effective date: June 1, 2021\n\n## Data\n\nWe keep notes for 90 days.\nThen we delete them.\n"
    )
    lines = run_tracker("diff", str(old), str(new), "--words").out.splitlines()
    at = next(index for index, line in enumerate(lines) if "[-30-] {+90+}" in line)
    assert lines[at + 1] == " " * 12 + "Then we delete them."


@pytest.mark.parametrize("command", ["timeline", "add"])
def test_without_git_every_command_says_so_in_one_line(archive, tmp_path, command):
    """Reads run git as a plain process and writes through GitPython: both say the same."""
    run_tracker("add", str(DOTCLOUD), "--archive", str(archive))
    before = archive_state(archive)
    no_git = tmp_path / "empty-bin"
    no_git.mkdir()
    arguments = {"timeline": ["dotcloud/privacy"], "add": [str(MESOSPHERE_2016)]}[command]
    result = run_tracker(command, *arguments, "--archive", str(archive), env={"PATH": str(no_git)})
    assert result.code != 0
    assert result.err.strip().splitlines() == [
        "tracker: git is not installed (tracker needs the git command)"
    ]
    assert archive_state(archive) == before


def test_a_failed_read_gives_gits_reason(archive, tmp_path):
    run_tracker("add", str(DOTCLOUD), "--archive", str(archive))
    wrapper = tmp_path / "bin" / "git"
    wrapper.parent.mkdir()
    wrapper.write_text(
        f'#!/bin/sh\ncase " $* " in *" cat-file "*)\n  echo "fatal: object store broken" >&2; exit 128;;\n'
        f'esac\nexec {shutil.which("git")} "$@"\n'
    )
    wrapper.chmod(0o755)
    result = run_tracker(
        "show", "dotcloud/privacy", "--archive", str(archive),
        env={"PATH": f"{wrapper.parent}{os.pathsep}{os.environ['PATH']}"},
    )  # fmt: skip
    assert result.code != 0
    assert result.err.strip() == "tracker: git cat-file failed: fatal: object store broken"
