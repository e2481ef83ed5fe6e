"""The changelog report through the real CLI: Markdown, HTML and JSON."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import jsonschema
import pytest

from conftest import ROOT, git, run_tracker
from tracker.present.report import heading_anchor


def report(archive, *args):
    result = run_tracker("report", *args, "--archive", str(archive))
    assert result.code == 0, result.err
    return result.out


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_each_format_tells_the_headline_changes(demo_archive, fmt):
    text = report(demo_archive, "mesosphere/privacy", "--format", fmt)
    assert "contact@dcos.io" in text and "contact@mesosphere.com" in text
    assert "Is Personal Information about me secure?" in text and "SECURITY" in text
    assert "renamed" in text


def test_json_follows_the_shipped_schema(demo_archive):
    schema = json.loads(run_tracker("report", "--schema").out)
    document = json.loads(report(demo_archive, "--format", "json"))
    jsonschema.validate(document, schema)
    mesosphere = next(p for p in document["policies"] if p["policy"] == "mesosphere/privacy")
    second = mesosphere["versions"][1]
    assert (second["effective_date"], second["date_precision"]) == ("2018-05-01", "month")
    assert len(second["sha256"]) == 64 and len(second["commit"]) == 40
    renamed = next(c for c in second["diff"]["changes"] if c["new"] == ["SECURITY"])
    assert renamed["kind"] == "renamed" and renamed["old"] == [
        "Is Personal Information about me secure?"
    ]


def test_since_keeps_the_baseline_and_later_changes(demo_archive):
    document = json.loads(
        report(demo_archive, "mesosphere/privacy", "--since", "2017-01-01", "--format", "json")
    )
    versions = document["policies"][0]["versions"]
    assert [(v["effective_date"], v["baseline"], v["diff"] is None) for v in versions] == [
        ("2016-04-19", True, True), ("2018-05-01", False, False),
    ]  # fmt: skip
    assert document["since"] == "2017-01-01"
    for fmt in ("md", "html"):
        quiet = report(demo_archive, "mesosphere/privacy", "--since", "2019-01-01", "--format", fmt)
        assert "No change since 2019-01-01" in quiet


def test_several_policies_and_a_single_version(demo_archive):
    text = report(demo_archive, "mesosphere/privacy", "dotcloud/privacy", "--format", "md")
    assert "## mesosphere/privacy" in text and "## dotcloud/privacy" in text
    assert "first version in the archive (18 sections)" in text


def test_markdown_escapes_policy_text_and_shows_redlines(demo_archive):
    text = report(demo_archive, "mesosphere/privacy", "--format", "md")
    assert "~~" in text and "**" in text  # deletions struck, insertions bold
    assert "| 2 | May 2018 | month |" in text
    assert "](mailto:" not in text.split("#### Moved passages")[0].split("Substantive changes")[
        1
    ].replace("\\](", "")


def test_hostile_policy_text_is_escaped(archive, tmp_path):
    hostile = tmp_path / "hostile.md"
    hostile.write_text(
        "Effective date: May 1, 2020\n\n## Data *we* collect_here\n\n"
        "We say <script>alert(1)</script> and <img src=x onerror=alert(2)> here.\n"
    )
    later = tmp_path / "later.md"
    later.write_text(
        hostile.read_text()
        .replace("May 1", "June 1")
        .replace("here.", "there <iframe src=x></iframe>.")
    )
    run_tracker(
        "add", str(hostile), str(later), "--policy", "evil/privacy", "--archive", str(archive),
        "--url", "javascript:alert(3)",
    )  # fmt: skip
    html = report(archive, "--format", "html")
    assert "<script>alert" not in html and "<img src=x" not in html and "<iframe" not in html
    assert 'href="javascript' not in html and "javascript:alert(3)" in html  # shown, not linked
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    markdown = report(archive, "--format", "md")
    assert "\\<script>" in markdown and "\\*we\\*" in markdown and "collect\\_here" in markdown


def test_output_file_and_format_from_suffix(demo_archive, tmp_path):
    target = tmp_path / "out" / "report.html"
    result = run_tracker(
        "report", "mesosphere/privacy", "-o", str(target), "--archive", str(demo_archive)
    )
    assert result.code == 0 and result.out == "" and "report written to" in result.err
    html = target.read_text()
    assert html.startswith("<!doctype html>") and "<style>" in html and "<script" not in html
    assert 'id="policy-mesosphere-privacy-v2"' in html and "@media print" in html


def test_unknown_policy_and_bad_since(demo_archive):
    assert "unknown policy" in run_tracker("report", "nobody/x", "--archive", str(demo_archive)).err
    result = run_tracker("report", "--since", "soon", "--archive", str(demo_archive))
    assert result.code == 1 and "cannot read the date" in result.err


@pytest.mark.skipif(
    shutil.which("chromium") is None, reason="needs Debian's chromium (installed by .ci/run)"
)
def test_html_renders_in_chromium_without_console_errors(demo_archive, tmp_path):
    target = tmp_path / "report.html"
    run_tracker("report", "-o", str(target), "--archive", str(demo_archive))
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0"]  # fmt: skip
    dom = subprocess.run(
        ["chromium", *flags, "--dump-dom", target.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert dom.returncode == 0
    assert "Policy changelog" in dom.stdout and "mesosphere/privacy" in dom.stdout
    console = [line for line in dom.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert console == []
    shot = tmp_path / "report.png"
    subprocess.run(
        ["chromium", *flags, "--window-size=1200,1600", f"--screenshot={shot}", target.as_uri()],
        capture_output=True,
        timeout=120,
    )
    assert shot.stat().st_size > 10_000


def test_html_stylesheet_is_inserted_verbatim_and_the_file_is_readable(demo_archive, tmp_path):
    target = tmp_path / "report.html"
    previous = os.umask(0o022)
    try:
        run_tracker("report", "-o", str(target), "--archive", str(demo_archive))
    finally:
        os.umask(previous)
    stylesheet = (ROOT / "tracker" / "present" / "templates" / "report.css").read_text()
    html = target.read_text()
    assert stylesheet in html  # an escaped `>` or `"` inside <style> silently drops rules
    assert target.stat().st_mode & 0o044 == 0o044  # readable by others under umask 022


def test_markdown_contents_links_reach_their_headings(demo_archive):
    """GitHub's heading anchors drop `/`: a link to `#mesosphere-privacy` would go nowhere."""
    markdown = run_tracker(
        "report", "mesosphere/privacy", "quora/privacy-policy", "--archive", str(demo_archive)
    ).out
    anchors = {
        heading_anchor(line.lstrip("#").strip())
        for line in markdown.splitlines()
        if line.startswith("#")
    }
    links = re.findall(r"\]\(#([^)]+)\)", markdown)
    assert links and set(links) <= anchors
    assert heading_anchor("quora/privacy-policy") == "quoraprivacy-policy"


def test_the_report_opens_with_its_highlights_most_consequential_first(archive, tmp_path):
    old = tmp_path / "old.md"
    old.write_text(
        "Effective date: May 1, 2020\n\n## Sharing\n\nWe do not sell your personal information "
        "to anyone, and we share it only with our hosting provider.\n\n## Contact\n\n"
        "Write to privacy@wren.example with any question about this policy.\n"
    )
    new = tmp_path / "new.md"
    new.write_text(
        old.read_text()
        .replace("May 1", "June 1")
        .replace("We do not sell", "We sell")
        .replace("privacy@wren.example", "dpo@wren.example")
    )
    added = run_tracker(
        "add", str(old), str(new), "--policy", "wren/privacy", "--archive", str(archive)
    )
    assert added.code == 0, added.err
    document = json.loads(report(archive, "--format", "json"))
    kinds = [(item["type"], item["change"]) for item in document["highlights"]]
    assert kinds == [("practice", "changed"), ("contact_email", "changed")]
    first = document["highlights"][0]
    assert (first["policy"], first["version"], first["date"]) == ("wren/privacy", 2, "2020-06-01")
    assert first["new"] == "sells personal information: yes" and first["section"] == "Sharing"
    markdown = report(archive, "--format", "md")
    assert markdown.index("## Highlights") < markdown.index("## Contents")
    assert "Sells personal information: yes (was no)" in markdown
    assert markdown.index("Sells personal") < markdown.index("dpo@wren.example")


def test_an_extraction_changes_facts_come_after_every_real_change(archive, tmp_path):
    """A version that only changed how the recording archive extracts text may show facts
    that are the capture's, not the policy's: real changes lead the highlights."""
    repository = tmp_path / "versions"
    (repository / "Wren").mkdir(parents=True)
    git(repository, "init", "-q")
    body = (
        "# Privacy Policy\n\nLast updated: May 1, 2020\n\n## Contact\n\nWrite to {email} with any "
        "question about this policy.\n\n## Collection\n\nWe collect your name{extra} when you "
        "sign up for an account.\n"
    )
    steps = [
        ("Record changes", "privacy@wren.example", ""),
        ("Apply technical or declaration upgrade", "privacy@wren.example", " and biometric data"),
        ("Record changes", "dpo@wren.example", " and biometric data"),
    ]
    for number, (subject, email, extra) in enumerate(steps):
        (repository / "Wren" / "Privacy Policy.md").write_text(
            body.format(email=email, extra=extra)
        )
        git(repository, "add", "-A")
        date = f"2021-0{number + 1}-01T00:00:00+00:00"
        subprocess.run(
            ["git", "-C", str(repository), "-c", "user.name=t", "-c", "user.email=t@t",
             "commit", "-q", "-m", subject],
            check=True, env={**os.environ, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_DATE": date},
        )  # fmt: skip
    imported = run_tracker("import", "ota", str(repository), "--archive", str(archive))
    assert imported.code == 0, imported.err
    highlights = json.loads(report(archive, "--format", "json"))["highlights"]
    assert [(item["type"], item["extraction_change"]) for item in highlights] == [
        ("contact_email", False),
        ("data_type", True),
    ]


def test_a_diff_whose_edits_are_mostly_cosmetic_says_so(tmp_path):
    bodies = [
        "We keep your invoices for seven years to meet our tax duties.",
        "We share your address with the courier who delivers your order.",
        "You can ask us for a copy of the data we hold about you.",
    ]
    edited = [bodies[0].replace("We keep", "we keep"), bodies[1].replace(".", "!"),
              bodies[2].replace("a copy", "an electronic copy")]  # fmt: skip
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    for path, texts in ((old, bodies), (new, edited)):
        path.write_text("".join(f"# Part {n}\n\n{text}\n\n" for n, text in enumerate(texts)))
    summary = json.loads(run_tracker("diff", str(old), str(new), "--json").out)["summary"]
    assert summary == "3 sections changed; 2 of the 3 cosmetic only"
