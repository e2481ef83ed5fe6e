"""Through the CLI: what `parse` and `diff` say about the page itself (language, capture,
a second policy on it)."""

from __future__ import annotations

import json

from pages import IN_FORCE, PAGE, UPCOMING

from conftest import run_tracker


def test_parse_json_lists_the_embedded_policy_its_language_and_capture(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(PAGE)
    parsed = json.loads(run_tracker("parse", str(page), "--json").out)
    assert parsed["language"] == "en"
    assert parsed["capture"]["quality"] == "ok" and parsed["capture"]["reason"]
    [embedded] = parsed["embedded"]
    assert embedded["relation"] == "previous"
    assert (
        embedded["effective_date"] == "2022-06-10" and embedded["effective_until"] == "2024-03-01"
    )
    assert PAGE.split("\n")[embedded["line"] - 1] == "## Current Privacy Policy"
    assert embedded["sections"][0]["title"] == "What We Collect"
    assert parsed["effective_date"] == "2024-03-01"


def test_diff_json_warns_of_a_second_policy_and_of_a_broken_capture(tmp_path):
    page, single, stub = tmp_path / "page.md", tmp_path / "one.md", tmp_path / "stub.md"
    page.write_text(PAGE)
    single.write_text("# Heron Privacy Policy\n\n" + UPCOMING)
    stub.write_text("# Heron Privacy Policy\n\nRedirecting...\n")
    diff = json.loads(run_tracker("diff", str(single), str(page), "--json").out)
    assert [(w["kind"], w["side"]) for w in diff["warnings"]] == [("embedded", "new")]
    assert all(change["kind"] in ("unchanged", "modified") for change in diff["changes"])
    broken = run_tracker("diff", str(single), str(stub))
    assert broken.code == 0 and "broken capture" in broken.out and "redirect" in broken.out
    data = json.loads(run_tracker("diff", str(single), str(stub), "--json").out)
    assert data["warnings"][0]["capture"]["quality"] == "redirect" and data["changes"] == []


def test_add_says_a_page_holds_the_previous_version_and_checks_it_against_the_archive(tmp_path):
    archive = str(tmp_path / "archive")
    run_tracker("init", archive)
    previous, page = tmp_path / "previous.md", tmp_path / "page.md"
    previous.write_text("# Heron Privacy Policy\n\n" + IN_FORCE)
    page.write_text(PAGE)
    assert (
        run_tracker("add", str(previous), "--policy", "heron/privacy", "--archive", archive).code
        == 0
    )
    added = run_tracker("add", str(page), "--policy", "heron/privacy", "--archive", archive)
    assert added.code == 0 and "also holds the previous version" in added.err
    assert "the same as the archived version of 2022-06-10" in added.err
    stub = tmp_path / "stub.md"
    stub.write_text("# Heron Privacy Policy\n\nRedirecting...\n")
    filed = run_tracker(
        "add",
        str(stub),
        "--policy",
        "heron/privacy",
        "--date",
        "2024-05-01",
        "--archive",
        archive,
        "--json",
    )
    [item] = json.loads(filed.out)["filed"]
    assert item["status"] == "added" and item["capture"]["quality"] == "redirect"


def test_log_and_report_carry_the_language_and_the_warnings(tmp_path):
    archive = str(tmp_path / "archive")
    run_tracker("init", archive)
    whole, stub = tmp_path / "whole.md", tmp_path / "stub.md"
    whole.write_text(PAGE)
    stub.write_text("# Heron Privacy Policy\n\nRedirecting...\n")
    run_tracker("add", str(whole), "--policy", "heron/privacy", "--archive", archive)
    run_tracker(
        "add", str(stub), "--policy", "heron/privacy", "--date", "2024-05-01", "--archive", archive
    )
    log = json.loads(run_tracker("log", "heron/privacy", "--json", "--archive", archive).out)
    first, second = log["versions"]
    assert first["language"] == "en" and first["warnings"] == []
    assert [warning["kind"] for warning in second["warnings"]] == ["capture", "embedded"]
    assert second["summary"].startswith("not compared: the new version looks like a broken capture")
    report = tmp_path / "report.md"
    run_tracker(
        "report", "heron/privacy", "--format", "md", "-o", str(report), "--archive", archive
    )
    assert "⚠ Warning: the new version looks like a broken capture" in report.read_text()
