"""Hostile input and output through the real CLI: what a security review found.

A. unbounded reads (a FIFO, /dev/zero, endless stdin); B. terminal escape sequences in policy
text; C. raw HTML and remote loads in the reports; D. `report -o` onto something that is not
a regular file; E. errors that were not one line (a 5,000-character argument, a newline in a
file name, an empty or future date, an archive of another format).

Every refusal is one line on stderr starting `tracker: `, exit 1 (2 for bad usage), and leaves
the archive as it was. Anything that could block (a FIFO) or never end (a device) runs in a
process of its own, with the helper's timeout as a safety net only.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import socket
import stat
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import archive_state, run_tracker, run_tracker_process
from tracker.analysis.ingest import MAX_INPUT_BYTES
from tracker.store import archive as store_archive

POLICY = "acme/privacy"
LIMIT_MB = MAX_INPUT_BYTES // 2**20

# Enough ordinary prose that a few control characters are not taken for binary data.
PROSE = " ".join(["We keep records of the requests you make to us and of our answers."] * 30)

CLEAR_SCREEN = "\x1b[2J"
CLIPBOARD = "\x1b]52;c;ZXZpbA==\x07"  # OSC 52: write `evil` to the clipboard
LINK = "\x1b]8;;https://evil.example/\x07partners\x1b]8;;\x07"  # OSC 8 hyperlink
TITLE = "\x1b]0;pwned\x07"  # set the window title
C1_CSI = "\x9b31m"  # the one-byte C1 form of ESC [


def hostile_policy(date: str, extra: str = "") -> str:
    """A policy whose title, headings and body carry escape sequences; already normalised
    (no trailing blanks, one final newline), so the archive keeps it exactly as written."""
    return (
        f"# Privacy {TITLE} Policy\n\n"
        f"Effective date: {date}\n\n"
        f"## Data we {CLEAR_SCREEN} collect\n\n"
        f"We collect your name {CLIPBOARD} and email{extra}. {PROSE}\n\n"
        f"## Sharing {C1_CSI}\n\n"
        f"We share it with {LINK} only{extra}\x7f. {PROSE}\n"
    )


def error_line(result, code: int = 1) -> str:
    """The one line of a refusal."""
    assert result.code == code, result
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("tracker: "), result.err
    return lines[0]


def add(archive: Path, *args: str):
    return run_tracker("add", *args, "--policy", POLICY, "--archive", str(archive))


@pytest.fixture
def filed(archive: Path, tmp_path: Path) -> Path:
    """An archive holding one ordinary version of acme/privacy."""
    policy = tmp_path / "plain.md"
    policy.write_text(f"Effective date: May 1, 2020\n\n## Data\n\n{PROSE}\n")
    result = add(archive, str(policy))
    assert result.code == 0, result.err
    return archive


# A. Unbounded reads


@pytest.mark.parametrize("command", ["parse", "add"])
@pytest.mark.parametrize("kind", ["fifo", "/dev/zero", "/dev/urandom"])
def test_only_regular_files_are_read(archive, tmp_path, command, kind):
    if kind == "fifo":
        source = tmp_path / "policy.md"
        os.mkfifo(source)
    else:
        source = Path(kind)
    args = ["parse", str(source)] if command == "parse" else ["add", str(source)]
    if command == "add":
        args += ["--policy", POLICY, "--archive", str(archive)]
    before = archive_state(archive)
    result = run_tracker_process(*args)  # a FIFO opened for reading would block for ever
    line = error_line(result)
    assert f"{source} is not a regular file" in line
    assert archive_state(archive) == before
    assert kind != "fifo" or stat.S_ISFIFO(source.lstat().st_mode)


def test_a_folder_skips_its_fifos_and_says_so(archive, tmp_path):
    folder = tmp_path / "snapshots"
    folder.mkdir()
    (folder / "good.md").write_text(f"Effective date: May 1, 2020\n\n## Data\n\n{PROSE}\n")
    os.mkfifo(folder / "pipe.md")
    result = run_tracker_process("add", str(folder), "--policy", POLICY, "--archive", str(archive))
    assert result.code == 1, result
    assert result.err.splitlines() == [
        f"tracker: {folder / 'pipe.md'} is not a regular file (a FIFO)"
    ]
    assert "added" in result.out and "good.md" in result.out
    assert stat.S_ISFIFO((folder / "pipe.md").lstat().st_mode)  # never opened, never replaced


@pytest.mark.parametrize("command", ["parse", "add"])
def test_endless_stdin_stops_at_the_limit_in_one_line(archive, command):
    args = ["parse", "-"] if command == "parse" else ["add", "-", "--policy", POLICY]
    before = archive_state(archive)
    with open("/dev/zero", "rb") as endless:
        completed = subprocess.run(
            [sys.executable, "-m", "tracker", *args, "--archive", str(archive)]
            if command == "add"
            else [sys.executable, "-m", "tracker", *args],
            stdin=endless,
            capture_output=True,
            env={**os.environ, "NO_COLOR": "1"},
            timeout=300,
        )
    assert completed.returncode == 1, completed
    assert completed.stderr.decode().splitlines() == [
        f"tracker: standard input: more than {LIMIT_MB} MB, the most one snapshot may be; "
        "nothing filed"
    ]
    assert archive_state(archive) == before


# B. Escape sequences


def assert_inert(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", text), repr(text)


def test_escape_sequences_in_a_policy_never_reach_the_terminal(archive, tmp_path):
    first, second = tmp_path / "v1.md", tmp_path / "v2.md"
    first.write_text(hostile_policy("May 1, 2020"))
    second.write_text(hostile_policy("June 1, 2021", extra=f" and phone {CLEAR_SCREEN}"))
    for path in (first, second):
        assert add(archive, str(path)).code == 0

    outputs = {
        "show": run_tracker("show", POLICY, "--archive", str(archive)),
        "show --sections": run_tracker("show", POLICY, "--sections", "--archive", str(archive)),
        "diff --words": run_tracker("diff", POLICY, "--words", "--archive", str(archive)),
        "diff files": run_tracker("diff", str(first), str(second), "--words"),
        "log": run_tracker("log", POLICY, "--archive", str(archive)),
        "timeline": run_tracker("timeline", POLICY, "--archive", str(archive)),
        "parse": run_tracker("parse", str(second)),
    }
    for command, result in outputs.items():
        assert result.code == 0, (command, result.err)
        assert_inert(result.out)
        assert_inert(result.err)
    # Shown, not dropped: each control as its escape (`\x1b`), the way the docstring says.
    assert "\\x1b[2J" in outputs["show"].out and "\\x1b]52;c;ZXZpbA==\\x07" in outputs["show"].out
    assert "\\x9b31m" in outputs["show"].out and "\\x1b[2J" in outputs["diff --words"].out
    assert "Data we \\x1b[2J collect" in outputs["timeline"].out

    shown = run_tracker("show", POLICY, "--json", "--archive", str(archive))
    assert json.loads(shown.out)["text"] == second.read_text()  # the text itself, exactly
    assert "\x1b" not in shown.out and "\x9b" not in shown.out  # JSON escapes, still exact


@pytest.mark.asyncio
async def test_escape_sequences_never_reach_the_tui(archive, tmp_path):
    from textual.widgets import DataTable, Static

    from tracker.store.archive import Archive
    from tracker.tui.app import TrackerApp
    from tracker.tui.grid import SectionGrid
    from tracker.tui.screens.diff import DiffScreen
    from tracker.tui.screens.section import SectionHistoryScreen

    for number, date in enumerate(("May 1, 2020", "June 1, 2021")):
        path = tmp_path / f"v{number}.md"
        path.write_text(hostile_policy(date, extra=f" and phone {CLEAR_SCREEN}" * number))
        assert add(archive, str(path)).code == 0

    def screen_text(app) -> str:
        parts = [app.export_screenshot()]
        for table in (*app.screen.query(DataTable), *app.screen.query(SectionGrid)):
            parts += [str(cell) for row in range(table.row_count) for cell in table.get_row_at(row)]
        parts += [str(static.content) for static in app.screen.query(Static)]
        return "\n".join(parts)

    async def settle(pilot) -> None:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()

    app = TrackerApp(Archive(archive), POLICY)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        timeline = screen_text(app)
        assert "Data we \\x1b[2J collect" in timeline
        assert_inert(timeline)
        await pilot.press("enter")  # the latest version's diff
        await settle(pilot)
        assert isinstance(app.screen, DiffScreen)
        for _ in range(app.screen.query_one("#changes", DataTable).row_count):
            assert_inert(screen_text(app))
            await pilot.press("v")  # side by side, then inline again
            await pilot.pause()
            assert_inert(screen_text(app))
            await pilot.press("v", "n")
            await pilot.pause()
        await pilot.press("q", "tab")  # back to the timeline, then its section grid
        await pilot.pause()
        for row in range(3):
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, SectionHistoryScreen), row
            assert_inert(screen_text(app))
            await pilot.press("q", "j")
            await pilot.pause()


# C. Raw HTML and remote loads in the reports

EVIL_URL = 'https://x.example/"><img src=https://evil.example/p.png>'
LOADING_TAGS = {"img", "script", "link", "iframe", "object", "embed", "source", "video", "audio"}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags_of(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.tags


def assert_loads_nothing(html: str) -> None:
    """No element that fetches anything, and every link a valid URL (nothing raw in it)."""
    for tag, attributes in tags_of(html):
        assert tag not in LOADING_TAGS, (tag, attributes)
        assert "src" not in attributes and "srcset" not in attributes, (tag, attributes)
        if "href" in attributes:
            href = attributes["href"] or ""
            assert not re.search(r"[\"'<> ]", href), (tag, href)
            assert href.startswith(("#", "https://x.example/")), (tag, href)


def test_reports_carry_no_raw_html_and_load_nothing(archive, tmp_path):
    hostile = " We say <img src=https://evil.example/a.png> and <script>alert(1)</script> here."
    for number, date in enumerate(("May 1, 2020", "June 1, 2021")):
        path = tmp_path / f"v{number}.md"
        path.write_text(
            f"Effective date: {date}\n\n## Data <img src=https://evil.example/h.png>\n\n"
            f"We collect your name{' and phone' * number}.{hostile * (number + 1)} {PROSE}\n"
        )
        assert add(archive, str(path), "--url", EVIL_URL).code == 0

    markdown = run_tracker("report", "--format", "md", "--archive", str(archive))
    html = run_tracker("report", "--format", "html", "--archive", str(archive))
    assert markdown.code == 0 and html.code == 0, (markdown.err, html.err)

    # Markdown: no tag survives unescaped, and as a viewer renders it (CommonMark, raw HTML
    # allowed, as on GitHub before its sanitiser) nothing loads.
    assert not re.search(r"(?<!\\)<\s*(?:img|script|link)\b", markdown.out, re.I), markdown.out
    from markdown_it import MarkdownIt

    assert_loads_nothing(MarkdownIt("commonmark").render(markdown.out))
    assert "x.example/%22%3E%3Cimg%20src=https://evil.example/p.png%3E" in markdown.out

    # HTML: the tags are text, the provenance link a valid URL.
    for raw in ("<img", "<script", "<link", "<iframe"):
        assert raw not in html.out.lower()
    assert_loads_nothing(html.out)
    assert "&lt;img src=https://evil.example/a.png&gt;" in html.out


# D. `report -o` writes regular files only


def test_report_output_onto_a_fifo_socket_or_folder_is_refused(filed, tmp_path):
    fifo = tmp_path / "report.md"
    os.mkfifo(fifo)
    result = run_tracker_process("report", "-o", str(fifo), "--archive", str(filed))
    assert f"cannot write {fifo}: it is a FIFO, not a regular file" in error_line(result)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)

    listening = socket.socket(socket.AF_UNIX)
    listening.bind(str(tmp_path / "report.sock"))
    try:
        result = run_tracker_process(
            "report", "-o", str(tmp_path / "report.sock"), "--archive", str(filed)
        )
        assert "it is a socket, not a regular file" in error_line(result)
        assert stat.S_ISSOCK((tmp_path / "report.sock").lstat().st_mode)
    finally:
        listening.close()

    folder = tmp_path / "reports.md"
    folder.mkdir()
    assert "is a directory" in error_line(
        run_tracker("report", "-o", str(folder), "--archive", str(filed)), code=2
    )
    assert folder.is_dir() and not any(folder.iterdir())
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.startswith(".")) == []


def test_report_output_through_a_symlink_writes_its_target(filed, tmp_path):
    target = tmp_path / "real" / "changelog.md"
    target.parent.mkdir()
    target.write_text("old report\n")
    os.chmod(target, 0o640)
    link = tmp_path / "changelog.md"
    link.symlink_to(target)
    result = run_tracker("report", "-o", str(link), "--archive", str(filed))
    assert result.code == 0, result.err
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text().startswith("# Policy changelog")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # the file replaced keeps its mode
    assert sorted(path.name for path in target.parent.iterdir()) == ["changelog.md"]


def test_report_output_onto_a_device_is_refused(filed, tmp_path):
    if os.geteuid() == 0:
        # As root a regression would replace the device: try a private one first, and stop
        # there if it is replaced, before going near the machine's /dev/null.
        private = tmp_path / "null"
        os.mknod(private, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        result = run_tracker("report", "-o", str(private), "--archive", str(filed))
        assert stat.S_ISCHR(private.lstat().st_mode), "the device was replaced by a file"
        assert "it is a character device, not a regular file" in error_line(result)
    result = run_tracker("report", "-o", "/dev/null", "--archive", str(filed))
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)
    assert error_line(result) == (
        "tracker: cannot write /dev/null: it is a character device, not a regular file; "
        "give a file path"
    )


# E. One line, always


LONG = "x" * 5000


def test_a_huge_version_reference_is_echoed_cut(filed):
    before = archive_state(filed)
    for args in (
        ["show", f"{POLICY}@{LONG}"],
        ["show", LONG],
        ["diff", f"{POLICY}@{LONG}", f"{POLICY}@2020-05-01"],
        ["diff", f"{POLICY}@2020-05-01", f"{POLICY}@{LONG}"],
        ["log", LONG],
    ):
        line = error_line(run_tracker(*args, "--archive", str(filed)))
        assert len(line) < 300 and "…" in line, (args[0], len(line), line[:200])
        assert "internal error" not in line
    assert archive_state(filed) == before


def test_a_newline_in_a_file_name_stays_on_one_line(archive, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a\nb.md").write_text(f"No date in here at all.\n\n{PROSE}\n")
    before = archive_state(archive)
    for result in (
        add(archive, str(folder)),
        add(archive, str(folder / "a\nb.md")),
        run_tracker("parse", str(folder / "no\nsuch.md")),
        run_tracker("parse", str(folder / "esc\x1b[2J.md")),
    ):
        line = error_line(result)
        assert "\\n" in line or "\\x1b[2J" in line, line
        assert "\x1b" not in line
    assert archive_state(archive) == before


def test_an_empty_date_is_refused(archive, tmp_path):
    policy = tmp_path / "policy.md"
    policy.write_text(f"Effective date: May 1, 2020\n\n## Data\n\n{PROSE}\n")
    before = archive_state(archive)
    assert "the date is empty" in error_line(add(archive, str(policy), "--date", ""))
    assert "the date is empty" in error_line(add(archive, str(policy), "--date", "  "))
    assert archive_state(archive) == before


def test_an_empty_since_is_refused(filed):
    result = run_tracker("report", "--since", "", "--archive", str(filed))
    assert "the date is empty" in error_line(result)


def test_a_future_date_is_refused(archive, tmp_path):
    policy = tmp_path / "policy.md"
    policy.write_text(f"Effective date: May 1, 2020\n\n## Data\n\n{PROSE}\n")
    later = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    before = archive_state(archive)
    line = error_line(add(archive, str(policy), "--date", later))
    assert f"the date '{later}' is in the future" in line
    assert "is in the future" in error_line(add(archive, str(policy), "--date", "2099"))
    assert archive_state(archive) == before
    # A day's grace, for time zones: tomorrow (here) may already be today where it was written.
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    assert add(archive, str(policy), "--date", tomorrow).code == 0


@pytest.mark.xfail(
    not hasattr(store_archive, "check_format"),
    strict=True,
    reason="store owner: the archive marker is read in tracker/store/archive.py",
)
def test_an_archive_of_another_format_is_refused(filed):
    marker = filed / ".tracker-archive"
    marker.write_text(json.dumps({"format": 999}) + "\n")
    before = archive_state(filed)
    for command in (["list"], ["show", POLICY], ["log", POLICY], ["report"]):
        line = error_line(run_tracker(*command, "--archive", str(filed)))
        assert "format 999" in line and "this tracker reads format 1" in line, line
        assert "(upgrade tracker" in line, line
    assert archive_state(filed) == before
