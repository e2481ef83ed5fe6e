"""Every capture is a sighting: stated dates beside the days texts were seen, through the CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import archive_state, git, run_tracker

POLICY = "acme/privacy"


def policy_text(date: str, practice: str, contact: str = "privacy@acme.example") -> str:
    return (
        f"# Acme Privacy Policy\n\nLast updated: {date}\n\n"
        "## Information We Collect\n\nWe collect your name and email address when you create an "
        f"account, and we use them to run the service. {practice}\n\n"
        "## Sharing\n\nWe share your information with the providers who host the service for us, "
        "under contracts that bind them to keep it safe.\n\n"
        f"## Contact\n\nWrite to {contact} with any question about this policy.\n"
    )


A = policy_text("March 1, 2024", "We keep it for as long as your account is open.")
B = policy_text("April 1, 2024", "We also collect your phone number to secure your account.")


def add(archive: Path, tmp_path: Path, text: str, *options: str, name: str = "capture.md"):
    path = tmp_path / name
    path.write_text(text)
    result = run_tracker("add", str(path), "--policy", POLICY, "--archive", str(archive), *options)
    assert result.code == 0, result.err
    return result


def log(archive: Path) -> list[dict]:
    result = run_tracker("log", POLICY, "--json", "--archive", str(archive))
    assert result.code == 0, result.err
    return json.loads(result.out)["versions"]


def statuses(result) -> list[str]:
    return [item["status"] for item in json.loads(result.out)["filed"]]


def test_a_page_that_went_a_b_a_ends_on_a_again_marked_reverted(archive, tmp_path):
    add(archive, tmp_path, A, "--observed", "2024-03-02")
    add(archive, tmp_path, B, "--observed", "2024-04-02")
    again = add(archive, tmp_path, A, "--observed", "2024-04-03", "--json")
    assert statuses(again) == ["added"]
    versions = log(archive)
    assert [v["observations"] for v in versions] == [["2024-03-02"], ["2024-04-02"], ["2024-04-03"]]
    assert versions[-1]["sha256"] == versions[0]["sha256"]
    assert "reverted" in versions[-1]["flags"]
    shown = run_tracker("show", POLICY, "--archive", str(archive)).out
    assert "privacy@acme.example" in shown and "as long as your account is open" in shown
    text_log = run_tracker("log", POLICY, "--archive", str(archive)).out
    assert "reverted to an earlier text" in text_log and "seen 2024-04-03" in text_log


def test_the_report_tells_the_dates_and_sightings_of_each_version(archive, tmp_path):
    add(archive, tmp_path, A, "--observed", "2024-03-02")
    add(archive, tmp_path, B, "--observed", "2024-04-02")
    add(archive, tmp_path, A, "--observed", "2024-04-03")
    markdown = run_tracker("report", POLICY, "--format", "md", "--archive", str(archive)).out
    part = markdown.split("### Dates and sightings", 1)[1].split("###", 1)[0]
    assert "#3 March 1, 2024 (seen 2024-04-03): reverted to an earlier text, backdated" in part
    assert "#2 April 1, 2024 (seen 2024-04-02): seen only between two captures" in part
    assert "#1" not in part
    html = run_tracker("report", POLICY, "--format", "html", "--archive", str(archive)).out
    assert "Dates and sightings" in html and "<dt>sightings</dt><dd>seen 2024-03-02</dd>" in html
    report = json.loads(
        run_tracker("report", POLICY, "--format", "json", "--archive", str(archive)).out
    )
    [policy] = report["policies"]
    assert [v["version_flags"] for v in policy["versions"]] == [
        [],
        ["transient"],
        ["reverted", "backdated"],
    ]
    assert policy["versions"][2]["observations"] == ["2024-04-03"]


def test_the_latest_text_seen_again_is_one_more_sighting_and_the_same_day_twice_is_not(
    archive, tmp_path
):
    add(archive, tmp_path, A, "--observed", "2024-03-02")
    head = git(archive, "rev-parse", "HEAD").strip()
    seen = add(archive, tmp_path, A, "--observed", "2024-05-10", "--json")
    assert statuses(seen) == ["observed"]
    assert git(archive, "rev-parse", "HEAD").strip() != head
    assert git(archive, "diff", "--stat", head, "HEAD") == ""  # a commit that files no text
    message = git(archive, "log", "-1", "--format=%B")
    assert "Tracker-Observation-Of: acme/privacy/2024-03-01.md" in message
    assert "Tracker-Observed: 2024-05-10" in message
    assert "Tracker-Policy" not in message  # a tracker from before sightings skips the commit
    before = archive_state(archive)
    twice = add(archive, tmp_path, A, "--observed", "2024-05-10", "--json")
    assert statuses(twice) == ["duplicate"] and archive_state(archive) == before
    [version] = log(archive)
    assert version["observations"] == ["2024-03-02", "2024-05-10"]
    listing = json.loads(run_tracker("list", "--json", "--archive", str(archive)).out)
    assert listing["policies"][0]["last_observed"] == "2024-05-10"
    assert run_tracker("verify", "--archive", str(archive)).code == 0


def test_captures_with_one_stated_date_added_newest_first_follow_the_days_they_were_seen(
    archive, tmp_path
):
    texts = [policy_text("March 1, 2024", "", contact=f"{who}@acme.example") for who in "abc"]
    folder = tmp_path / "captures"
    folder.mkdir()
    for day, text in zip(("2024-03-05", "2024-03-06", "2024-03-07"), texts, strict=True):
        (folder / f"{day}.md").write_text(text)
    for day in ("2024-03-07", "2024-03-06", "2024-03-05"):  # newest first, one by one
        result = run_tracker(
            "add", str(folder / f"{day}.md"), "--policy", POLICY, "--archive", str(archive)
        )
        assert result.code == 0, result.err
        assert "from the file name" in result.out
    versions = log(archive)
    assert [v["observations"] for v in versions] == [["2024-03-05"], ["2024-03-06"], ["2024-03-07"]]
    assert all(v["observed_by"] == "file_name" for v in versions)
    assert [v["flags"] for v in versions[1:]] == [["silent_change"], ["silent_change"]]


def test_a_date_bumped_with_nothing_else_changed_is_a_date_only_change(archive, tmp_path):
    add(archive, tmp_path, A, "--observed", "2024-03-02")
    bumped = A.replace("March 1, 2024", "June 1, 2024")
    add(archive, tmp_path, bumped, "--observed", "2024-06-02")
    assert log(archive)[-1]["flags"] == ["date_only_change"]


def test_a_date_later_than_the_day_it_was_seen_is_announced(archive, tmp_path):
    add(archive, tmp_path, B, "--observed", "2024-03-15")
    assert log(archive)[0]["flags"] == ["announced"]


def test_a_backfill_slots_in_by_the_day_it_was_seen(archive, tmp_path):
    add(archive, tmp_path, B, "--observed", "2024-04-02")
    backfill = add(archive, tmp_path, A, "--observed", "2024-03-02", "--json")
    assert statuses(backfill) == ["added"]
    versions = log(archive)
    assert [v["effective_date"] for v in versions] == ["2024-03-01", "2024-04-01"]
    timeline = git(archive, "log", "--format=%s", f"timeline/{POLICY}").splitlines()
    assert timeline == [
        f"{POLICY} effective 2024-04-01 (day)",
        f"{POLICY} effective 2024-03-01 (day)",
    ]


def test_a_file_with_no_date_to_it_stands_at_its_stated_date(archive, tmp_path):
    add(archive, tmp_path, B, name="newer.md")
    older = add(archive, tmp_path, A, name="older.md")
    assert "filed " in older.out
    versions = log(archive)
    assert [v["effective_date"] for v in versions] == ["2024-03-01", "2024-04-01"]
    assert {v["observed_by"] for v in versions} == {"added"}
    again = add(archive, tmp_path, A, "--json", name="older-again.md")  # an old text, no day
    assert statuses(again) == ["duplicate"]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ((dt.date.today() + dt.timedelta(days=5)).isoformat(), "in the future"),
        ("2024-05", "needs a day"),
        ("yesterday-ish", "cannot read the date"),
    ],
)
def test_a_bad_observed_day_is_one_line_and_nothing_is_written(archive, tmp_path, value, message):
    (tmp_path / "a.md").write_text(A)
    before = archive_state(archive)
    result = run_tracker(
        "add", str(tmp_path / "a.md"), "--policy", POLICY, "--observed", value,
        "--archive", str(archive),
    )  # fmt: skip
    assert result.code != 0 and message in result.err and "--observed" in result.err
    assert len(result.err.strip().splitlines()) == 1 and "Traceback" not in result.err
    assert archive_state(archive) == before


def test_verify_names_a_sighting_of_a_version_never_filed(archive, tmp_path):
    add(archive, tmp_path, A, "--observed", "2024-03-02")
    git(
        archive, "commit", "-q", "--allow-empty", "-m",
        "Observe\n\nTracker-Observation-Of: acme/privacy/nope.md\n"
        "Tracker-Sha256: 00\nTracker-Observed: 2024-03-03\n",
    )  # fmt: skip
    result = run_tracker("verify", "--archive", str(archive))
    assert result.code != 0 and "acme/privacy/nope.md" in result.out + result.err


def test_observed_applies_to_a_folder_and_to_stdin(archive, tmp_path):
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.md").write_text(A)
    (folder / "b.md").write_text(B)
    result = run_tracker(
        "add",
        str(folder),
        "--policy",
        POLICY,
        "--observed",
        "2024-04-20",
        "--archive",
        str(archive),
    )
    assert result.code == 0, result.err
    assert [v["observations"] for v in log(archive)] == [["2024-04-20"], ["2024-04-20"]]
    piped = run_tracker(
        "add", "-", "--policy", POLICY, "--observed", "2024-04-21", "--archive", str(archive),
        "--json", stdin=B.encode(),
    )  # fmt: skip
    assert statuses(piped) == ["observed"]
    assert log(archive)[-1]["observations"] == ["2024-04-20", "2024-04-21"]


def test_an_archive_from_before_sightings_opens_with_its_archived_and_added_days(archive, tmp_path):
    from tracker.model import EffectiveDate, Snapshot, Source
    from tracker.store.format import commit_message, render, text_sha256

    old = Snapshot(
        POLICY, EffectiveDate(dt.date(2024, 3, 1), "day"), A,
        Source(archived_on="2024-03-09"), text_sha256(A),
    )  # fmt: skip
    newer = Snapshot(POLICY, EffectiveDate(dt.date(2024, 4, 1), "day"), B, Source(), text_sha256(B))
    for snapshot in (old, newer):  # as a tracker before observations filed them
        path = f"{POLICY}/{snapshot.effective.iso}.md"
        (archive / path).parent.mkdir(parents=True, exist_ok=True)
        (archive / path).write_text(render(snapshot))
        git(archive, "add", path)
        git(archive, "commit", "-q", "-m", commit_message(snapshot, path))
    assert "Tracker-Observed" not in git(archive, "log", "--format=%B")
    versions = log(archive)
    assert [v["observed_by"] for v in versions] == ["archive", "added"]
    assert versions[0]["observations"] == ["2024-03-09"]
    assert versions[1]["observations"] == [versions[1]["added_at"][:10]]
    assert run_tracker("verify", "--archive", str(archive)).code == 0
    assert statuses(add(archive, tmp_path, A, "--observed", "2024-03-20", "--json")) == ["observed"]


def test_a_change_that_flips_back_and_forth_before_it_lasts_is_reported_once(archive, tmp_path):
    c = B.replace("with any question", "with any question or complaint")
    for day, text in zip(range(2, 7), (A, B, A, B, c), strict=True):
        add(archive, tmp_path, text, "--observed", f"2024-05-0{day}")
    versions = log(archive)
    assert ["phone number" in v["summary"] for v in versions] == [False, True, False, False, False]
    warned = [[w["kind"] for w in v["warnings"]] for v in versions]
    assert warned == [[], [], ["transient"], ["transient"], []]


def test_an_older_text_captured_again_reports_no_fact_into_it_nor_out_of_it(archive, tmp_path):
    """`a b c`, where `b` states a date years before `a`: an older text served again (a cache,
    another page of the site). Its facts, and their return in `c`, are no change."""
    old = policy_text("March 1, 2021", "We also collect your phone number.", "help@acme.example")
    c = B.replace("with any question", "with any question or complaint")
    for day, text in zip(range(2, 5), (B, old, c), strict=True):
        add(archive, tmp_path, text, "--observed", f"2024-05-0{day}")
    versions = log(archive)
    assert [v["date"] for v in versions] == ["2024-04-01", "2021-03-01", "2024-04-01"]
    warned = [[w["kind"] for w in v["warnings"]] for v in versions]
    assert warned == [[], ["stale"], ["stale"]]
    assert not any("help@acme" in v["summary"] for v in versions[1:])  # no contact changed


def test_the_text_that_lasted_after_a_passing_capture_is_no_stale_capture(archive, tmp_path):
    """`a b a c`: `b`, newer, was seen once between two captures of `a`; `a` is the text
    that lasted, though its date is older than `b`'s, so `a` to `c` is a real change."""
    lasting = policy_text("March 1, 2021", "We keep it while your account is open.")
    later = B.replace("privacy@acme.example", "help@acme.example")
    for day, text in zip(range(2, 6), (lasting, B, lasting, later), strict=True):
        add(archive, tmp_path, text, "--observed", f"2024-05-0{day}")
    versions = log(archive)
    assert [[w["kind"] for w in v["warnings"]] for v in versions] == [
        [],
        ["transient"],
        ["transient"],
        [],
    ]
    assert "help@acme.example" in versions[3]["summary"]


def test_a_date_a_few_weeks_earlier_is_no_stale_capture(archive, tmp_path):
    earlier = policy_text(
        "March 20, 2024", "We also collect your phone number.", "help@acme.example"
    )
    for day, text in zip(range(2, 4), (B, earlier), strict=True):
        add(archive, tmp_path, text, "--observed", f"2024-05-0{day}")
    assert [[w["kind"] for w in v["warnings"]] for v in log(archive)] == [[], []]
    assert "help@acme.example" in log(archive)[1]["summary"]


def test_the_store_refuses_a_bad_policy_name_before_writing_anything(archive):
    from tracker.errors import InputError
    from tracker.model import EffectiveDate, Snapshot, Source
    from tracker.store.archive import Archive
    from tracker.store.format import text_sha256

    before = archive_state(archive)
    bad = Snapshot(
        "Not A/Policy", EffectiveDate(dt.date(2024, 3, 1), "day"), A, Source(), text_sha256(A)
    )
    with pytest.raises(InputError, match="bad policy name"):
        Archive(archive).add([bad])
    assert archive_state(archive) == before


def test_a_page_flipping_between_two_captures_lists_its_first_reverts_and_says_how_many(
    archive, tmp_path
):
    folder = tmp_path / "flips"
    folder.mkdir()
    for day in range(1, 26):
        (folder / f"2024-05-{day:02d}.md").write_text(A if day % 2 else B)
    result = run_tracker("add", str(folder), "--policy", POLICY, "--archive", str(archive))
    assert result.code == 0, result.err
    assert sum("reverted" in v["flags"] for v in log(archive)) == 23
    markdown = run_tracker("report", POLICY, "--format", "md", "--archive", str(archive)).out
    part = markdown.split("### Dates and sightings", 1)[1].split("\n### ", 1)[0]
    assert "(the first 20 of 24;" in part  # 23 reverts, and B backdated the first time
    assert sum(line.startswith("- #") for line in part.splitlines()) == 20
    assert markdown.count("> ⚑ Dates and sightings: reverted") == 23
    assert sum("transient" in v["flags"] for v in log(archive)) == 23  # #2 to #24
    assert "## Highlights" not in markdown  # nothing the flipping changed lasted
