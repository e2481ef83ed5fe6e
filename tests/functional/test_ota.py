"""Importing Open Terms Archive histories (sample: ODC-By, Platform Governance Archive and
Open Terms Archive; see archive/samples/ota/README.md)."""

from __future__ import annotations

import json
import os
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import git, run_tracker, wait_for_process_group
from tracker.history.history import History
from tracker.store.archive import Archive
from tracker.text import paragraphs


@pytest.fixture(scope="session")
def ota_archive(tmp_path_factory, ota_clone) -> Path:
    archive = tmp_path_factory.mktemp("ota-archive") / "archive"
    assert run_tracker("init", str(archive)).code == 0
    result = run_tracker("import", "ota", str(ota_clone), "--archive", str(archive), "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["added"] == 59
    return archive


def versions(archive: Path, policy: str) -> list[dict]:
    return json.loads(run_tracker("log", policy, "--json", "--archive", str(archive)).out)[
        "versions"
    ]


def test_every_version_with_its_policy(ota_archive):
    listing = json.loads(run_tracker("list", "--json", "--archive", str(ota_archive)).out)[
        "policies"
    ]
    assert {(p["policy"], p["versions"]) for p in listing} == {
        ("quora/privacy-policy", 36), ("bluesky/privacy-policy", 10),
        ("twitter/privacy-policy", 9), ("bereal/privacy-policy", 4),
    }  # fmt: skip


# Checked by hand against the text of each OTA commit.
SPOT_CHECKS = [
    ("quora/privacy-policy", "77787d3b", "2020-12-11", "day"),  # Last updated: December 11, 2020
    ("quora/privacy-policy", "9dbddec2", "2022-06-15", "day"),  # Last Updated: June 15, 2022
    ("quora/privacy-policy", "5d6f3511", "2023-07-24", "day"),  # Last Updated: Jul 24, 2023
    ("quora/privacy-policy", "4080298d", "2023-08-25", "day"),  # Effective date: August 25, 2023
    (
        "bluesky/privacy-policy",
        "0d371cc",
        "2024-02-05",
        "day",
    ),  # #### Last Updated: February 5, 2024
    ("bluesky/privacy-policy", "7fbd437", "2024-05-22", "day"),
    ("bluesky/privacy-policy", "7f3301d", "2025-08-14", "day"),
    ("twitter/privacy-policy", "6bc7302", "2022-06-10", "day"),  # **Effective: June 10, 2022**
    (
        "twitter/privacy-policy",
        "84ee25f",
        "2023-05-18",
        "day",
    ),  # will go into effect on May 18, 2023
    ("twitter/privacy-policy", "3d91b03", "2023-09-22", "day"),  # posted before it took effect
    ("twitter/privacy-policy", "3adefa1", "2023-09-29", "day"),
    ("bereal/privacy-policy", "1764933", "2025-08-01", "month"),  # Last updated: August 2025
    ("bereal/privacy-policy", "9100118", "2026-06-30", "day"),
]


@pytest.mark.parametrize(("policy", "commit", "date", "precision"), SPOT_CHECKS)
def test_effective_dates_spot_checked(ota_archive, policy, commit, date, precision):
    version = next(
        v for v in versions(ota_archive, policy) if v["origin_commit"].startswith(commit)
    )
    assert (version["effective_date"], version["date_precision"]) == (date, precision)


def test_provenance_recorded_dates_and_extraction_changes(ota_archive, ota_clone):
    quora = versions(ota_archive, "quora/privacy-policy")
    upgrade = next(v for v in quora if v["origin_commit"].startswith("15a352d5"))
    assert upgrade["extraction_change"] is True and upgrade["recorded_on"] == "2025-10-23"
    assert upgrade["origin_link"].startswith(
        "https://github.com/OpenTermsArchive/pga-snapshots/commit/"
    )
    assert sum(1 for v in quora if v["extraction_change"]) == 5  # 3 upgrades and 2 refilters
    for version in quora:
        committed = git(ota_clone, "log", "-1", "--format=%cs", version["origin_commit"]).strip()
        assert version["recorded_on"] == committed
        assert version["observations"] == [committed] and version["observed_by"] == "recorded"
    recorded = [version["recorded_on"] for version in quora]
    assert recorded == sorted(recorded)  # the timeline follows the days they were recorded


def test_second_import_adds_nothing_and_archive_verifies(ota_archive, ota_clone):
    before = git(ota_archive, "rev-parse", "HEAD")
    again = run_tracker("import", "ota", str(ota_clone), "--archive", str(ota_archive), "--json")
    assert json.loads(again.out)["added"] == 0
    assert git(ota_archive, "rev-parse", "HEAD") == before
    assert run_tracker("verify", "--archive", str(ota_archive)).code == 0
    git(ota_archive, "fsck", "--strict")


def test_incremental_import_and_filters(tmp_path, ota_clone):
    archive = tmp_path / "archive"
    run_tracker("init", str(archive))
    first = run_tracker(
        "import",
        "ota",
        str(ota_clone),
        "--service",
        "bluesky",
        "--since",
        "2025-01-01",
        "--archive",
        str(archive),
        "--json",
    )
    assert json.loads(first.out)["added"] == 6  # bluesky versions recorded since 2025
    rest = run_tracker(
        "import",
        "ota",
        str(ota_clone),
        "--type",
        "Privacy Policy",
        "--archive",
        str(archive),
        "--json",
    )
    assert json.loads(rest.out)["added"] == 53


def test_undated_text_takes_its_recorded_date(tmp_path):
    repository = tmp_path / "versions"
    subprocess.run(["git", "init", "-q", "-b", "main", str(repository)], check=True)
    (repository / "Acme").mkdir()
    (repository / "Acme" / "Terms of Service.md").write_text(
        "Terms of Service\n\n## Use\n\nBe nice to each other.\n"
    )
    env = {
        "GIT_COMMITTER_DATE": "2024-03-05T10:00:00+00:00",
        "GIT_AUTHOR_DATE": "2024-03-05T10:00:00+00:00",
    }
    subprocess.run(["git", "-C", str(repository), "add", "."], check=True)
    subprocess.run(["git", "-C", str(repository), "-c", "user.name=OTA", "-c", "user.email=o@example.invalid", "commit", "-qm",
                    "First record of Acme Terms of Service"], check=True, env={**os.environ, **env})  # fmt: skip
    archive = tmp_path / "archive"
    run_tracker("init", str(archive))
    assert run_tracker("import", "ota", str(repository), "--archive", str(archive)).code == 0
    [version] = versions(archive, "acme/terms-of-service")
    assert (version["effective_date"], version["date_precision"]) == ("2024-03-05", "recorded")
    assert (
        "(recorded)" in run_tracker("log", "acme/terms-of-service", "--archive", str(archive)).out
    )


def test_not_a_repository_is_a_clear_error(tmp_path, archive):
    result = run_tracker("import", "ota", str(tmp_path), "--archive", str(archive))
    assert (
        result.code == 1
        and "not a git repository" in result.err
        and len(result.err.splitlines()) == 1
    )


def _present(text: str, document_text: str) -> bool:
    return " ".join(text.split()) in " ".join(document_text.split())


@pytest.mark.parametrize(
    "policy",
    [
        "quora/privacy-policy",
        "bluesky/privacy-policy",
        "twitter/privacy-policy",
        "bereal/privacy-policy",
    ],
)
def test_no_false_removals_between_consecutive_versions(ota_archive, policy):
    """For every consecutive pair, no section is `removed` while its text is still in the new version."""
    history = History(Archive(ota_archive), policy)
    for index in range(1, len(history.versions)):
        new_text = history.snapshots[index].text
        for change in history.step(index).changes:
            if change.kind != "removed":
                continue
            kept = [
                p
                for p in paragraphs(change.old[0].text)
                if len(p.split()) >= 8 and _present(p, new_text)
            ]
            assert not kept, (
                f"{policy} v{index}: {change.old[0].title!r} reported removed but its text is still there"
            )


def test_contents_link_lists_are_not_sections(ota_archive):
    history = History(Archive(ota_archive), "bluesky/privacy-policy")
    titles = [section.title for section in history.document(len(history.versions) - 1).sections]
    assert titles.count("Introduction") == 1 and "Table of Contents" in titles


# Where the Ctrl-C lands, as steps of the import seen from outside: GIT_TRACE makes every git
# command the import runs append a line to a file as it starts. The first git command proves
# the import's own code is running (a SIGINT before that lands in Python's start-up, which
# is not ours to handle); then it reads the OTA history, takes the archive's lock and checks
# the archive, writes with fast-import, and reads the archive back after moving the branch.
INTERRUPT_AFTER = {
    "first-git-command": ("",),
    "reading-the-history": ("cat-file --batch",),
    "lock-taken": ("diff-files",),
    "writing": ("fast-import",),
    "written": ("fast-import", "reset", "log"),
}


def git_commands(trace: Path) -> list[str]:
    """Each git command started so far, as `subcommand args` (git's own `-c` options left out)."""
    text = trace.read_text(errors="replace") if trace.exists() else ""
    marker = "trace: built-in: git "
    commands = []
    for line in text.split("\n")[:-1]:  # whole lines only: git may be writing the last one
        if marker in line:
            words = shlex.split(line.split(marker, 1)[1])
            while words[:1] == ["-c"]:
                del words[:2]
            commands.append(" ".join(words))
    return commands


def ran_in_order(commands: list[str], wanted: tuple[str, ...]) -> bool:
    remaining = iter(commands)
    return all(any(command.startswith(step) for command in remaining) for step in wanted)


def wait_for_git(trace: Path, process: subprocess.Popen, wanted: tuple[str, ...]) -> None:
    """Return once git has started the `wanted` commands in that order (a line each in the trace)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ended = process.poll() is not None
        commands = git_commands(trace)
        if ran_in_order(commands, wanted):
            return
        if ended:
            pytest.fail(f"the import ended before git ran {wanted}; it ran {commands}")
        time.sleep(0.001)
    pytest.fail(f"git did not run {wanted} within 120 s; it ran {git_commands(trace)}")


@pytest.mark.parametrize("point", list(INTERRUPT_AFTER))
def test_ctrl_c_during_import_leaves_a_consistent_archive(tmp_path, ota_clone, point):
    archive = tmp_path / "archive"
    run_tracker("init", str(archive))
    trace = tmp_path / "git-trace"
    # A process of its own, in a process group of its own: Ctrl-C in a terminal sends SIGINT to
    # the whole foreground group, tracker and the git command it is running alike.
    process = subprocess.Popen(
        [sys.executable, "-m", "tracker", "import", "ota", str(ota_clone), "--archive", str(archive)],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "GIT_TRACE": str(trace)}, process_group=0,
    )  # fmt: skip
    try:
        wait_for_git(trace, process, INTERRUPT_AFTER[point])
        os.killpg(process.pid, signal.SIGINT)
        _, errors = process.communicate(timeout=120)
        wait_for_process_group(process.pid)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
    assert process.returncode in (0, 130), errors.decode()
    assert "Traceback" not in errors.decode()
    assert run_tracker("verify", "--archive", str(archive)).code == 0
    git(archive, "fsck", "--strict")
    again = run_tracker("import", "ota", str(ota_clone), "--archive", str(archive), "--json")
    assert again.code == 0, again.err
    policies = json.loads(run_tracker("list", "--json", "--archive", str(archive)).out)["policies"]
    assert len(policies) == 4 and sum(policy["versions"] for policy in policies) == 59
