"""Hostile and odd input: refused or handled with one clear line, never a write outside the archive."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from conftest import MESOSPHERE_2016, archive_state, run_tracker
from tracker.errors import InputError
from tracker.store.archive import validate_policy

BAD_POLICIES = [
    "../x",
    "/abs/x",
    "a/b/c",
    "acme",
    "Acme/Privacy",
    "a/" + "b" * 300,
    "аcme/privacy",
    "a b/c",
    "./x",
    "a//b",
]


@pytest.mark.parametrize("policy", BAD_POLICIES)
def test_bad_policy_names_are_refused(archive, tmp_path, policy):
    before = archive_state(archive)
    result = run_tracker("add", str(MESOSPHERE_2016), "--policy", policy, "--archive", str(archive))
    assert (
        result.code == 1 and "bad policy name" in result.err and len(result.err.splitlines()) == 1
    )
    assert archive_state(archive) == before
    assert not any(tmp_path.parent.glob("x*"))


def test_nul_in_a_policy_name_is_refused():
    with pytest.raises(InputError):
        validate_policy("a\x00b/c")


def _one_line_failure(result) -> bool:
    return (
        result.code == 1
        and len(result.err.strip().splitlines()) == 1
        and "Traceback" not in result.err
    )


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("empty.md", lambda path: path.write_bytes(b"")),
        ("binary.txt", lambda path: path.write_bytes(bytes(range(256)) * 64)),
        ("bomb.html", lambda path: _zip(path)),
        ("huge.txt", lambda path: _sparse(path, 50 * 1024 * 1024)),
    ],
)
def test_bad_files_fail_in_one_line(archive, tmp_path, name, make):
    path = tmp_path / name
    make(path)
    before = archive_state(archive)
    result = run_tracker(
        "add",
        str(path),
        "--policy",
        "acme/privacy",
        "--date",
        "2020-01-01",
        "--archive",
        str(archive),
    )
    assert _one_line_failure(result), result.err
    assert archive_state(archive) == before


def _zip(path: Path) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("a.html", "<p>" + "a" * 5_000_000)


def _sparse(path: Path, size: int) -> None:
    with path.open("wb") as handle:
        handle.truncate(size)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        (
            "utf16.txt",
            "\ufeffEffective date: May 1, 2020\r\n\r\n## Rights\r\n\r\nYou may access your data.\r\n".encode(
                "utf-16-le"
            ),
        ),
        (
            "mixed endings.md",
            b"Effective date: May 1, 2020\r\n\r\n## Rights\rYou may access your data.\nMore text here.\r\n",
        ),
        (
            "üñíçødé name #1.md",
            b"Effective date: May 1, 2020\n\n## Rights\n\nYou may access your data.\n",
        ),
    ],
)
def test_odd_but_good_files_are_accepted(archive, tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    result = run_tracker("add", str(path), "--policy", "acme/privacy", "--archive", str(archive))
    assert result.code == 0, result.err
    shown = run_tracker("show", "acme/privacy", "--sections", "--archive", str(archive)).out
    assert "Rights" in shown


def test_symlink_out_of_the_input_folder_is_refused(archive, tmp_path):
    outside = tmp_path / "secret.md"
    outside.write_text("Effective date: May 1, 2020\n\nsecret\n")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.md").write_text("Effective date: May 2, 2020\n\nWe collect your name.\n")
    (folder / "link.md").symlink_to(outside)
    result = run_tracker("add", str(folder), "--policy", "acme/privacy", "--archive", str(archive))
    assert result.code == 1 and "outside" in result.err
    assert "secret" not in run_tracker("show", "acme/privacy", "--archive", str(archive)).out


def test_scripts_iframes_and_pixels_do_not_survive_ingest(archive, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><main><h1>Acme Privacy Policy</h1><p>Last updated: May 1, 2020</p>"
        "<script>alert(1)</script><iframe src='https://evil.example'></iframe>"
        "<img src='https://pixel.example/p.gif' onerror='alert(2)'><h2>Data</h2>"
        "<p onclick='alert(3)'>We collect your <a href='javascript:alert(4)'>name</a>.</p>"
        "<object data='x.swf'></object><form action='/x'><input name='q'></form></main></body></html>"
    )
    assert run_tracker("add", str(page), "--archive", str(archive)).code == 0
    text = run_tracker("show", "acme/privacy", "--archive", str(archive)).out
    for dangerous in (
        "<script",
        "alert(1)",
        "<iframe",
        "evil.example",
        "onerror",
        "pixel.example",
        "onclick",
        "<object",
        "<form",
        "<input",
    ):
        assert dangerous not in text
    assert "We collect your" in text
