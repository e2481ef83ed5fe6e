"""`tracker corpus` through the CLI: the same tables as import + export, on the pool and on
Dask, resumable, and one clear line for bad sources, missing extras and failed writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_tracker
from tracker.present.tables import TABLES

pyarrow_dataset = pytest.importorskip("pyarrow.dataset")
pyarrow_parquet = pytest.importorskip("pyarrow.parquet")

ARCHIVE_ONLY = {"commit", "added_at"}  # what an archive adds: the commit that filed it, when


@pytest.fixture(scope="module")
def exported(tmp_path_factory, ota_clone) -> Path:
    """The sample imported into an archive and exported as Parquet, one command at a time."""
    work = tmp_path_factory.mktemp("exported")
    archive = work / "archive"
    assert run_tracker("init", str(archive)).code == 0
    assert run_tracker("import", "ota", str(ota_clone), "--archive", str(archive)).code == 0
    result = run_tracker("export", "parquet", str(work / "tables"), "--archive", str(archive))
    assert result.code == 0, result.err
    return work / "tables"


def corpus(*arguments: str) -> dict:
    result = run_tracker("corpus", *arguments, "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def rows_of(path: Path, partitioned: bool) -> list[tuple]:
    if partitioned:
        table = pyarrow_dataset.dataset(path, format="parquet", partitioning="hive").to_table()
    else:
        table = pyarrow_parquet.read_table(path)
    rows = [
        tuple((key, value) for key, value in row.items() if key not in (*ARCHIVE_ONLY, "service"))
        for row in table.to_pylist()
    ]
    return sorted(rows)


def assert_same_tables(corpus_out: Path, tables: Path) -> None:
    for name in TABLES:
        assert rows_of(corpus_out / name, True) == rows_of(tables / f"{name}.parquet", False), name


def test_corpus_gives_the_tables_import_and_export_give(ota_clone, exported, tmp_path):
    shown = corpus(str(ota_clone), "--out", str(tmp_path / "corpus"), "--workers", "2")
    assert shown["engine"] == "local" and shown["workers"] == 2
    assert shown["documents"] == 4 and shown["rows"]["versions"] == 59
    assert_same_tables(tmp_path / "corpus", exported)
    services = sorted(path.name for path in (tmp_path / "corpus" / "versions").iterdir())
    assert services == ["service=bereal", "service=bluesky", "service=quora", "service=twitter"]


def test_a_rerun_skips_the_services_already_written(ota_clone, tmp_path):
    out = tmp_path / "corpus"
    corpus(str(ota_clone), "--out", str(out), "--service", "Quora")
    part = out / "versions" / "service=quora" / "part-0.parquet"
    written = part.stat().st_mtime_ns
    again = corpus(str(ota_clone), "--out", str(out))
    assert again["skipped_services"] == 1 and again["services"] == 3
    assert part.stat().st_mtime_ns == written
    assert sum(1 for _ in (out / "versions").iterdir()) == 4


def test_a_tracker_archive_is_a_source_too(exported, tmp_path, ota_clone):
    archive = tmp_path / "archive"
    assert run_tracker("init", str(archive)).code == 0
    assert run_tracker("import", "ota", str(ota_clone), "--archive", str(archive)).code == 0
    corpus(str(archive), "--out", str(tmp_path / "corpus"))
    assert_same_tables(tmp_path / "corpus", exported)


def test_a_source_that_is_no_history_gets_one_line(tmp_path):
    (tmp_path / "plain").mkdir()
    result = run_tracker("corpus", str(tmp_path / "plain"), "--out", str(tmp_path / "out"))
    assert result.code == 1 and "is neither a tracker archive" in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_a_failed_write_marks_nothing_done(ota_clone, tmp_path, monkeypatch):
    import pyarrow.parquet

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pyarrow.parquet, "write_table", full_disk)
    out = tmp_path / "corpus"
    result = run_tracker("corpus", str(ota_clone), "--out", str(out), "--service", "Quora")
    assert result.code == 1 and "No space left on device" in result.err
    assert not (out / "_done").exists()
    assert not [path for path in out.iterdir() if path.name.startswith(".")]
    monkeypatch.undo()
    assert corpus(str(ota_clone), "--out", str(out), "--service", "Quora")["services"] == 1


def test_without_pyarrow_the_extra_is_named(ota_clone, tmp_path, without_pyarrow):
    result = run_tracker("corpus", str(ota_clone), "--out", str(tmp_path / "out"))
    assert result.code == 1 and "tracker[corpus]" in result.err


@pytest.mark.slow
def test_dask_gives_the_same_tables_on_a_local_cluster(ota_clone, exported, tmp_path):
    pytest.importorskip("dask.distributed")
    shown = corpus(str(ota_clone), "--out", str(tmp_path / "corpus"), "--engine", "dask",
                   "--workers", "2")  # fmt: skip
    assert shown["engine"] == "dask" and shown["workers"] == 2
    assert_same_tables(tmp_path / "corpus", exported)


@pytest.mark.slow
def test_an_unreachable_scheduler_gets_one_line(ota_clone, tmp_path):
    pytest.importorskip("dask.distributed")
    result = run_tracker("corpus", str(ota_clone), "--out", str(tmp_path / "out"),
                         "--scheduler", "tcp://127.0.0.1:9")  # fmt: skip
    assert result.code == 1 and "cannot reach the Dask scheduler" in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_a_folder_of_dated_files_reads_as_tracker_add_files_it(tmp_path):
    folder = tmp_path / "captures" / "acme" / "privacy"
    folder.mkdir(parents=True)
    text = (
        "# Acme Privacy Policy\n\nLast updated: {date}\n\n## Collection\n\nWe collect your name "
        "and email address when you sign up.{extra}\n\n## Contact\n\nWrite to privacy@acme.example.\n"
    )
    (folder / "2024-03-02.md").write_text(text.format(date="March 1, 2024", extra=""))
    (folder / "2024-04-02.md").write_text(
        text.format(date="April 1, 2024", extra=" We keep it 30 days.")
    )
    (folder / "2024-04-20.md").write_text(
        text.format(date="April 1, 2024", extra=" We keep it 30 days.")
    )
    archive = tmp_path / "archive"
    assert run_tracker("init", str(archive)).code == 0
    added = run_tracker("add", str(folder), "--policy", "acme/privacy", "--archive", str(archive))
    assert added.code == 0, added.err
    exported = run_tracker("export", "parquet", str(tmp_path / "tables"), "--archive", str(archive))
    assert exported.code == 0, exported.err
    shown = corpus(str(tmp_path / "captures"), "--out", str(tmp_path / "corpus"))
    assert shown["documents"] == 1 and shown["rows"]["versions"] == 2  # the third is a sighting
    assert_same_tables(tmp_path / "corpus", tmp_path / "tables")
