"""An archive someone hands over runs nothing: every git setting that names a program, hooks,
attributes naming filter and diff drivers, a poisoned cache and a symlinked cache folder, met by
every command that reads or writes (findings 1-3 of the security review)."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import DOTCLOUD, MESOSPHERE_2016, MESOSPHERE_2018, OTA_BUNDLE, git, run_tracker

POLICY = "mesosphere/privacy"
# Every key a git configuration can use to run a program.
PROGRAM_KEYS = (
    "core.fsmonitor",
    "core.sshCommand",
    "core.pager",
    "core.editor",
    "core.askPass",
    "sequence.editor",
    "diff.external",
    "diff.evil.textconv",
    "diff.evil.command",
    "filter.evil.clean",
    "filter.evil.smudge",
    "filter.evil.process",
    "merge.evil.driver",
    "gpg.program",
    "credential.helper",
)
HOOKS = ("reference-transaction", "post-checkout", "pre-commit", "post-commit", "pre-auto-gc")


def _arm(repository: Path, markers: Path) -> None:
    """Make a repository run a marker-writing program through every door git has."""

    def command(name: str) -> str:
        return f"sh -c 'touch {markers}/{name}; cat'"

    for key in PROGRAM_KEYS:
        git(repository, "config", key, command(key))
    git(repository, "config", "filter.evil.required", "true")
    git(repository, "config", "log.showSignature", "true")
    git(repository, "config", "commit.gpgSign", "true")
    included = repository / ".git" / "included.config"
    included.write_text(f'[core]\n\tfsmonitor = "{command("include.path")}"\n')
    git(repository, "config", "include.path", str(included))
    hooks_path = repository / ".git" / "evil-hooks"
    for folder in (repository / ".git" / "hooks", hooks_path):
        folder.mkdir(exist_ok=True)
        for hook in HOOKS:
            script = folder / hook
            script.write_text(f"#!/bin/sh\ntouch {markers}/hook-{hook}\n")
            script.chmod(0o755)
    git(repository, "config", "core.hooksPath", str(hooks_path))
    info = repository / ".git" / "info"
    info.mkdir(exist_ok=True)
    (info / "attributes").write_text("* filter=evil diff=evil merge=evil\n")


def _poison_cache(archive: Path, markers: Path, outside: Path) -> None:
    class Exploit:
        def __reduce__(self):
            return (subprocess.call, (["touch", str(markers / "pickle")],))

    payload = pickle.dumps(Exploit())
    old_cache = archive / ".git" / "tracker-cache"
    outside.mkdir()
    old_cache.symlink_to(outside, target_is_directory=True)  # a symlinked cache folder
    for kind in ("parse", "compare", "align", "log", "grid"):
        (outside / kind).mkdir()
        (outside / kind / "entry.pickle").write_bytes(payload)


@pytest.fixture
def hostile(tmp_path: Path):
    markers = tmp_path / "markers"
    markers.mkdir()
    archive = tmp_path / "archive"
    assert run_tracker("init", str(archive)).code == 0
    for seed in (MESOSPHERE_2016, MESOSPHERE_2018):
        assert (
            run_tracker("add", str(seed), "--policy", POLICY, "--archive", str(archive)).code == 0
        )
    ota = tmp_path / "ota"
    subprocess.run(["git", "clone", "-q", str(OTA_BUNDLE), str(ota)], check=True)
    _arm(archive, markers)
    _arm(ota, markers)
    outside = tmp_path / "outside"
    _poison_cache(archive, markers, outside)
    before_outside = sorted(path.name for path in outside.rglob("*"))
    yield archive, ota, markers
    assert sorted(path.name for path in outside.rglob("*")) == before_outside


def test_no_command_runs_what_a_hostile_archive_configures(hostile, tmp_path):
    archive, ota, markers = hostile
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(DOTCLOUD, folder / "dotcloud.txt")
    where = ("--archive", str(archive))
    commands = [
        ("add", str(MESOSPHERE_2016), "--policy", POLICY, *where),  # a duplicate: reads only
        ("add", str(folder), "--policy", "dotcloud/privacy", *where),
        ("import", "ota", str(ota), "--service", "Quora", *where),
        ("list", *where),
        ("log", POLICY, *where),
        ("show", POLICY, *where),
        ("show", POLICY, "--sections", *where),
        ("diff", POLICY, "--words", *where),
        ("timeline", POLICY, *where),
        ("report", "--format", "md", *where),
        ("report", "--format", "json", *where),
    ]
    for args in commands:
        result = run_tracker(*args)
        assert result.code == 0, (args, result.err)
        assert sorted(path.name for path in markers.iterdir()) == [], args
    verify = run_tracker("verify", "--json", *where)
    assert sorted(path.name for path in markers.iterdir()) == []
    assert verify.code == 1
    named = " ".join(problem["problem"] for problem in json.loads(verify.out)["problems"])
    for key in (*PROGRAM_KEYS, "core.hookspath", "include.path"):
        assert key.lower() in named.lower(), key
    for hook in HOOKS:
        assert f"hook {hook}" in named


@pytest.mark.asyncio
async def test_the_tui_runs_nothing_a_hostile_archive_configures(hostile):
    """The policies screen, a timeline with its grid, and a diff, on the armed archive."""
    from tracker.store.archive import Archive
    from tracker.tui.app import TrackerApp
    from tracker.tui.screens.diff import DiffScreen
    from tracker.tui.screens.timeline import TimelineScreen

    archive, _, markers = hostile
    app = TrackerApp(Archive(archive))
    async with app.run_test(size=(120, 36)) as pilot:
        for keys in ((), ("enter",), ("enter",)):
            await pilot.press(*keys)
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
        assert isinstance(app.screen, DiffScreen)
        assert isinstance(app.screen_stack[-2], TimelineScreen)
    assert sorted(path.name for path in markers.iterdir()) == []


@pytest.mark.parametrize("how", ["cp", "tar"])
def test_a_byte_identical_copy_is_not_damage(how, tmp_path):
    """`cp -a` and `tar x` give every file a new inode and ctime; the copy verifies and takes adds."""
    archive = tmp_path / "archive"
    assert run_tracker("init", str(archive)).code == 0
    assert (
        run_tracker("add", str(MESOSPHERE_2016), "--policy", POLICY, "--archive", str(archive)).code
        == 0
    )
    copy = tmp_path / "copy"
    if how == "cp":
        subprocess.run(["cp", "-a", str(archive), str(copy)], check=True)
    else:
        bundle = tmp_path / "archive.tar"
        subprocess.run(["tar", "-cf", str(bundle), "-C", str(tmp_path), "archive"], check=True)
        (tmp_path / "unpacked").mkdir()
        subprocess.run(["tar", "-xf", str(bundle), "-C", str(tmp_path / "unpacked")], check=True)
        copy = tmp_path / "unpacked" / "archive"
    verify = run_tracker("verify", "--archive", str(copy))
    assert verify.code == 0, verify.err
    added = run_tracker("add", str(MESOSPHERE_2018), "--policy", POLICY, "--archive", str(copy))
    assert added.code == 0, added.err


def _filled(tmp_path: Path) -> Path:
    archive = tmp_path / "archive"
    assert run_tracker("init", str(archive)).code == 0
    for seed in (MESOSPHERE_2016, MESOSPHERE_2018):
        assert (
            run_tracker("add", str(seed), "--policy", POLICY, "--archive", str(archive)).code == 0
        )
    return archive


def _rewrite_with_replace(archive: Path) -> None:
    head = git(archive, "rev-parse", "HEAD").strip()
    tree = git(archive, "rev-parse", "HEAD~1^{tree}").strip()
    message = git(archive, "log", "-1", "--format=%B", "HEAD")
    forged = subprocess.run(
        ["git", "-C", str(archive), "commit-tree", tree, "-p", "HEAD~1", "-m", message],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    git(archive, "replace", head, forged)


def _amend(archive: Path) -> None:
    """The same snapshot and message, committed again at another time: every id is valid."""
    subprocess.run(
        ["git", "-C", str(archive), "-c", "core.hooksPath=/dev/null", "commit", "-q", "--amend",
         "--no-edit", "--allow-empty"],
        check=True, env={**os.environ, "GIT_COMMITTER_DATE": "2001-01-01T00:00:00"},
    )  # fmt: skip


@pytest.mark.parametrize("rewrite", [_rewrite_with_replace, _amend], ids=["replace", "amend"])
def test_a_consistent_rewrite_is_named_and_blocks_writes(rewrite, tmp_path):
    archive = _filled(tmp_path)
    rewrite(archive)
    verify = run_tracker("verify", "--json", "--archive", str(archive))
    assert verify.code == 1
    assert any(problem["file"] == "history" for problem in json.loads(verify.out)["problems"])
    before = git(archive, "log", "--all", "--format=%H")
    added = run_tracker("add", str(DOTCLOUD), "--archive", str(archive))
    assert added.code == 1 and "nothing was filed" in added.err
    assert len(added.err.strip().splitlines()) == 1
    assert git(archive, "log", "--all", "--format=%H") == before


def test_deeply_nested_front_matter_is_named_not_a_crash(tmp_path):
    archive = _filled(tmp_path)
    snapshot = archive / "mesosphere" / "privacy" / "2016-04-19.md"
    text = snapshot.read_text().replace(
        'policy: "mesosphere/privacy"', "policy: " + "[" * 100000 + "]" * 100000
    )
    snapshot.write_text(text)
    git(archive, "-c", "core.hooksPath=/dev/null", "commit", "-q", "-am", "nested")
    verify = run_tracker("verify", "--json", "--archive", str(archive))
    assert verify.code == 1 and "internal error" not in verify.err
    files = [problem["file"] for problem in json.loads(verify.out)["problems"]]
    assert "mesosphere/privacy/2016-04-19.md" in files


def test_an_archive_of_another_format_is_refused_in_one_line(tmp_path):
    archive = _filled(tmp_path)
    (archive / ".tracker-archive").write_text('{"format": 999}\n')
    for args in (("list",), ("log", POLICY), ("add", str(DOTCLOUD))):
        result = run_tracker(*args, "--archive", str(archive))
        assert result.code == 1, args
        assert "format 999" in result.err and len(result.err.strip().splitlines()) == 1


def test_a_leftover_index_lock_is_reported_as_filed_not_as_nothing_filed(tmp_path):
    """The snapshot is on main when only the working tree could not be updated: say so."""
    archive = _filled(tmp_path)
    (archive / ".git" / "index.lock").write_text("")
    added = run_tracker("add", str(DOTCLOUD), "--archive", str(archive))
    assert added.code == 1
    assert "nothing was filed" not in added.err and "1 snapshot(s) filed" in added.err
    assert len(added.err.strip().splitlines()) == 1
    listed = json.loads(run_tracker("list", "--json", "--archive", str(archive)).out)
    assert "dotcloud/privacy" in [policy["policy"] for policy in listed["policies"]]
    (archive / ".git" / "index.lock").unlink()
    assert (
        run_tracker("add", str(MESOSPHERE_2016), "--policy", POLICY, "--archive", str(archive)).code
        == 0
    )
    assert run_tracker("verify", "--archive", str(archive)).code == 0


def test_a_folder_add_with_a_bad_file_says_exactly_what_was_filed(tmp_path):
    archive = tmp_path / "archive"
    assert run_tracker("init", str(archive)).code == 0
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(MESOSPHERE_2016, folder / "a.txt")
    shutil.copy(MESOSPHERE_2018, folder / "b.txt")
    (folder / "c.txt").write_bytes(b"\x00\x01 not a policy")
    added = run_tracker("add", str(folder), "--policy", POLICY, "--json", "--archive", str(archive))
    assert added.code == 1
    report = json.loads(added.out)
    assert sorted(item["source"] for item in report["filed"]) == [
        str(folder / "a.txt"),
        str(folder / "b.txt"),
    ]
    assert [error["source"] for error in report["errors"]] == [str(folder / "c.txt")]
    log = json.loads(run_tracker("log", POLICY, "--json", "--archive", str(archive)).out)
    assert sorted(version["sha256"] for version in log["versions"]) == sorted(
        item["sha256"] for item in report["filed"]
    )


def test_a_disk_that_fills_mid_add_says_so_in_one_line(tmp_path):
    """A file-size limit standing in for a full disk, met while the batch is written: one
    true line (nothing was filed, and main has not moved), never an internal error."""
    import resource
    import signal
    import sys

    archive = _filled(tmp_path)
    head = git(archive, "rev-parse", "HEAD")
    large = tmp_path / "large.md"
    large.write_text(
        "# Acme Privacy Policy\n\nEffective date: May 1, 2021\n\n## Data\n\n"
        + "We keep your data. " * 32000
    )

    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (300_000, 300_000))

    done = subprocess.run(
        [sys.executable, "-m", "tracker", "add", str(large), "--policy", "acme/privacy", "--archive", str(archive)],
        capture_output=True, text=True, preexec_fn=small_files, env={**os.environ, "NO_COLOR": "1"},
    )  # fmt: skip
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "nothing was filed" in done.stderr and "internal error" not in done.stderr
    assert git(archive, "rev-parse", "HEAD") == head
    assert run_tracker("verify", "--archive", str(archive)).code == 0
    assert (
        run_tracker("add", str(large), "--policy", "acme/privacy", "--archive", str(archive)).code
        == 0
    )


def test_init_in_a_hostile_repository_runs_nothing(tmp_path):
    """`tracker init` on an existing git repository that is armed: its commit runs no hook,
    no filter, no fsmonitor and no signing program."""
    markers = tmp_path / "markers"
    markers.mkdir()
    repository = tmp_path / "repository"
    subprocess.run(["git", "init", "-q", str(repository)], check=True)
    _arm(repository, markers)
    assert run_tracker("init", str(repository)).code == 0
    assert sorted(path.name for path in markers.iterdir()) == []
    assert run_tracker("add", str(DOTCLOUD), "--archive", str(repository)).code == 0
    assert sorted(path.name for path in markers.iterdir()) == []
