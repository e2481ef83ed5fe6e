"""`tracker export sqlite` and `parquet` through the CLI: tables, keys, full-text search,
views, in-place re-export, and bad targets that leave everything as it was."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import run_tracker

POLICY, OTHER = "acme/privacy", "acme/terms"


def policy_text(date: str, extra: str = "") -> str:
    return (
        f"# Acme Privacy Policy\n\nLast updated: {date}\n\n"
        "## Information We Collect\n\nWe collect your name and email address when you create an "
        "account, and we use them to run the service.\n\n"
        "## Your Rights\n\nYou can ask us to access or delete the personal information we hold "
        f"about you at any time. {extra}\n\n"
        "## Contact\n\nWrite to privacy@acme.example with any question about this policy.\n"
    )


V1 = policy_text("March 1, 2024")
V2 = policy_text("April 1, 2024", "You can also ask us for a copy in a portable format.")
V3 = policy_text(
    "May 1, 2024", "We do not sell personal information. We keep biometric data for 30 days."
)
TERMS = (
    "# Acme Terms of Service\n\nEffective: January 5, 2024\n\n## Governing Law\n\n"
    "These terms are governed by the laws of the State of Oregon.\n"
)


def add(archive: Path, tmp_path: Path, text: str, policy: str = POLICY) -> None:
    path = tmp_path / "capture.md"
    path.write_text(text)
    result = run_tracker("add", str(path), "--policy", policy, "--archive", str(archive))
    assert result.code == 0, result.err


@pytest.fixture
def filled(archive: Path, tmp_path: Path) -> Path:
    for text in (V1, V2):
        add(archive, tmp_path, text)
    add(archive, tmp_path, TERMS, OTHER)
    return archive


def export(archive: Path, out: Path, *options: str) -> dict:
    result = run_tracker(
        "export", "sqlite", str(out), *options, "--json", "--archive", str(archive)
    )
    assert result.code == 0, result.err
    return json.loads(result.out)


def query(db: Path, sql: str, *parameters) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql, parameters).fetchall()


def test_the_export_holds_every_table_with_keys_search_and_views(filled, tmp_path):
    db = tmp_path / "policies.db"
    shown = export(filled, db)
    assert shown["totals"]["policies"] == 2 and shown["totals"]["versions"] == 3
    assert query(db, "select policy, versions from policies order by policy") == [
        (POLICY, 2),
        (OTHER, 1),
    ]
    versions = query(
        db,
        "select number, previous, effective_date, document_type from versions where policy = ? order by number",
        POLICY,
    )
    first_id = query(db, "select id from versions where policy = ? and number = 1", POLICY)[0][0]
    assert versions == [
        (1, None, "2024-03-01", "privacy_policy"),
        (2, first_id, "2024-04-01", "privacy_policy"),
    ]
    assert query(db, "pragma foreign_key_check") == []
    titles = {row[0] for row in query(db, "select title from sections where policy = ?", POLICY)}
    assert {"Information We Collect", "Your Rights", "Contact"} <= titles
    found = query(
        db,
        "select sections.title from sections_fts join sections on sections.rowid = sections_fts.rowid where sections_fts match 'portable'",
    )
    assert found == [("Your Rights",)]
    assert ("portability",) in query(db, "select new from user_rights_changes")
    assert query(
        db, "select type, value from facts where policy = ? and type = 'governing_law'", OTHER
    ) == [("governing_law", "Oregon")]
    modified = query(
        db, "select kind, new_titles, added_text from changes where policy = ?", POLICY
    )
    assert [(kind, json.loads(new)) for kind, new, _ in modified] == [
        ("modified", ["(introduction)"]),  # its date line
        ("modified", ["Your Rights"]),
    ]
    assert "portable format" in modified[1][2]
    metadata = json.loads((tmp_path / "policies.metadata.json").read_text())
    tables = metadata["databases"]["policies"]["tables"]
    assert "facts" in tables and tables["versions"]["columns"]["effective_date"]
    assert "search_sections" in metadata["databases"]["policies"]["queries"]


def test_every_contract_column_is_a_column_of_the_database(filled, tmp_path):
    from tracker.present.tables import TABLES

    db = tmp_path / "policies.db"
    export(filled, db)
    for name, table in TABLES.items():
        columns = [row[1] for row in query(db, f"pragma table_info({name})")]
        assert columns == list(table.columns), name


def test_exporting_again_adds_only_the_new_versions_and_keeps_search_in_step(filled, tmp_path):
    db = tmp_path / "policies.db"
    export(filled, db)
    again = export(filled, db)
    assert again["rows"]["sections"] == 0 and again["rewritten"] == 0
    add(filled, tmp_path, V3)
    grown = export(filled, db)
    assert grown["grown"] == 1 and grown["rewritten"] == 0
    assert (
        grown["rows"]["versions"] == 4 and grown["rows"]["sections"] == 3
    )  # rows of all, sections of one
    assert grown["totals"]["versions"] == 4
    assert (
        query(db, "select count(*) from sections")[0][0]
        == query(db, "select count(*) from sections_fts")[0][0]
    )
    assert query(db, "select new from selling_flips") == [("sells personal information: no",)]
    assert query(db, "select versions from policies where policy = ?", POLICY) == [(3,)]


def test_a_backdated_version_rewrites_that_policy_only(filled, tmp_path):
    db = tmp_path / "policies.db"
    export(filled, db)
    add(filled, tmp_path, policy_text("February 1, 2024"))
    shown = export(filled, db)
    assert shown["rewritten"] == 1 and shown["totals"]["versions"] == 4
    numbers = query(
        db, "select effective_date, number from versions where policy = ? order by number", POLICY
    )
    assert numbers == [("2024-02-01", 1), ("2024-03-01", 2), ("2024-04-01", 3)]
    assert query(db, "pragma foreign_key_check") == []


def test_only_the_policies_named_are_exported(filled, tmp_path):
    db = tmp_path / "terms.db"
    shown = export(filled, db, OTHER)
    assert shown["policies"] == 1
    assert query(db, "select policy from versions") == [(OTHER,)]


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("notes.db", "is not a tracker export"),
        ("folder", "is a folder"),
        ("missing/policies.db", "no folder"),
    ],
)
def test_a_target_that_is_not_ours_gets_one_line_and_is_left_alone(
    filled, tmp_path, target, message
):
    (tmp_path / "notes.db").write_text("my own notes\n")
    (tmp_path / "folder").mkdir()
    result = run_tracker("export", "sqlite", str(tmp_path / target), "--archive", str(filled))
    assert result.code == 1 and message in result.err and "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert (tmp_path / "notes.db").read_text() == "my own notes\n"


def test_an_unknown_policy_is_named(filled, tmp_path):
    result = run_tracker(
        "export", "sqlite", str(tmp_path / "p.db"), "acme/nothing", "--archive", str(filled)
    )
    assert result.code == 1 and "acme/nothing" in result.err
    assert not (tmp_path / "p.db").exists()


def test_an_export_that_fails_half_way_leaves_the_last_one_whole(filled, tmp_path, monkeypatch):
    import tracker.present.exporting as exporting

    db = tmp_path / "policies.db"
    export(filled, db)
    before = db.read_bytes()
    add(filled, tmp_path, V3)
    written = []

    def failing(history, entries, start=0):
        if written:
            raise OSError(28, "No space left on device")
        written.append(history.policy)
        return original(history, entries, start)

    original = exporting.history_rows
    monkeypatch.setattr(exporting, "history_rows", failing)
    result = run_tracker("export", "sqlite", str(db), "--archive", str(filled))
    assert result.code == 1 and "No space left on device" in result.err
    assert db.read_bytes() == before
    assert (
        sorted(path.name for path in tmp_path.iterdir() if path.name.startswith(".policies")) == []
    )


def test_parquet_holds_the_same_rows_as_sqlite(filled, tmp_path):
    pyarrow_parquet = pytest.importorskip("pyarrow.parquet")
    from tracker.present.tables import TABLES

    db, folder = tmp_path / "policies.db", tmp_path / "tables"
    export(filled, db)
    result = run_tracker("export", "parquet", str(folder), "--json", "--archive", str(filled))
    assert result.code == 0, result.err
    for name, table in TABLES.items():
        rows = pyarrow_parquet.read_table(folder / f"{name}.parquet").to_pylist()
        stored = query(db, f"select * from {name} order by {table.pk}")
        normalised = [
            tuple(int(v) if isinstance(v, bool) else v for v in row.values()) for row in rows
        ]
        assert (
            sorted(normalised, key=lambda row: row[list(table.columns).index(table.pk)]) == stored
        ), name
    assert not [path for path in folder.iterdir() if path.name.startswith(".")]


def test_parquet_without_pyarrow_says_which_extra_to_install(filled, tmp_path, without_pyarrow):
    result = run_tracker("export", "parquet", str(tmp_path / "t"), "--archive", str(filled))
    assert result.code == 1 and "tracker[export]" in result.err


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


@pytest.mark.slow
def test_a_real_datasette_serves_the_export_with_search_keys_and_metadata(filled, tmp_path):
    pytest.importorskip("datasette")
    db = tmp_path / "policies.db"
    export(filled, db)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(db), "--host", "127.0.0.1",
         "--port", str(port), "--metadata", str(tmp_path / "policies.metadata.json")],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ},
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:  # wait for the server to answer, not for a fixed time
            try:
                _get(f"{base}/-/versions.json")
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()
                assert time.monotonic() < deadline, "datasette did not start"
                time.sleep(0.1)
        found = _get(f"{base}/policies/sections.json?_search=portable&_shape=array")
        assert [row["title"] for row in found] == ["Your Rights"]
        change = _get(f"{base}/policies/changes.json?_shape=array&_labels=on")[0]
        assert change["policy"] == {"value": POLICY, "label": POLICY}
        metadata = _get(f"{base}/-/metadata.json")
        assert metadata["databases"]["policies"]["tables"]["facts"]["description"]
        canned = _get(f"{base}/policies/search_sections.json?words=oregon&_shape=array")
        assert [row["policy"] for row in canned] == [OTHER]
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_text_recorded_twice_on_one_day_gets_two_keys(archive, tmp_path):
    """A recorded history keeps every version: A, B and A again on one day are three rows."""
    import os
    import subprocess

    repository = tmp_path / "versions"
    (repository / "Acme").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repository)], check=True)
    for number, text in enumerate((V1, V2, V1)):
        (repository / "Acme" / "Privacy Policy.md").write_text(text)
        when = f"2024-05-01T0{number}:00:00+00:00"
        environment = {**os.environ, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_DATE": when}
        subprocess.run(["git", "-C", str(repository), "add", "-A"], check=True)
        subprocess.run(
            ["git", "-C", str(repository), "-c", "user.name=t", "-c", "user.email=t@t",
             "commit", "-qm", "Record changes"],
            check=True, env=environment,
        )  # fmt: skip
    assert run_tracker("import", "ota", str(repository), "--archive", str(archive)).code == 0
    db = tmp_path / "policies.db"
    export(archive, db)
    keys = [row[0] for row in query(db, "select id from versions order by number")]
    assert len(keys) == 3 and len(set(keys)) == 3
    assert sorted(keys)[1] == sorted(keys)[0] + "-2"
    metadata = json.loads((tmp_path / "policies.metadata.json").read_text())
    assert metadata["source"] == "Open Terms Archive"  # every version was imported from it
