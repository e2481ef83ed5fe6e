"""`tracker export`: the archive's histories as SQLite (for Datasette) or Parquet tables.

SQLite is written with sqlite-utils into a copy of the database, which replaces the old one
only when it is complete, so a failed export leaves the last good one. Primary keys are
stable (a version is its policy, first sighting and text hash), so exporting again
updates in place: a policy whose
archive only grew gets rows for its new versions only; one whose timeline changed (a
backdated version slotted in) or a tracker whose analysis changed rewrites its rows.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tracker.errors import InputError, shown
from tracker.history.history import History
from tracker.present.tables import (
    TABLES,
    ColumnType,
    Rows,
    Table,
    history_rows,
    policy_row,
    table_contract,
    version_keys,
)
from tracker.store.archive import Archive, validate_policy

_INFO = "export_info"  # key/value: the code the rows were made by, when, from where
_SQLITE_TYPES = {ColumnType.TEXT: str, ColumnType.INTEGER: int, ColumnType.FLOAT: float,
                 ColumnType.BOOLEAN: int, ColumnType.LIST: str}  # fmt: skip


@dataclass(frozen=True)
class Attribution:
    """Where the data comes from and under which licence, for Datasette's metadata."""

    source: str | None = None
    source_url: str | None = None
    license: str | None = None
    license_url: str | None = None


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format: str
    policies: int
    rewritten: int  # policies whose rows were written afresh
    grown: int  # policies that only gained versions
    rows: dict[str, int]  # rows written this time, per table
    totals: dict[str, int]  # rows in the export, per table
    metadata: Path | None = None


def default_attribution(
    archive: Archive,
    source: str | None,
    source_url: str | None,
    licence: str | None,
    licence_url: str | None,
) -> Attribution:
    """What the user gave; the source defaults to Open Terms Archive when every version was
    imported from it, else to the archive's folder."""
    if source is None:
        versions = archive.versions()
        if versions and all(version.source.origin_commit for version in versions):
            source, source_url = "Open Terms Archive", source_url or "https://opentermsarchive.org"
        else:
            source = f"tracker archive {archive.path.name}"
    return Attribution(source, source_url, licence, licence_url)


def chosen_policies(archive: Archive, policies: tuple[str, ...]) -> list[str]:
    known = {summary.policy for summary in archive.policies()}
    if not known:
        raise InputError("the archive has no policies yet; add one with `tracker add FILE`")
    for policy in policies:
        if validate_policy(policy) not in known:
            raise InputError(f"no policy {shown(policy)} in the archive; `tracker list` shows them")
    return list(policies) or sorted(known)


def export_sqlite(
    archive: Archive,
    policies: list[str],
    out: Path,
    attribution: Attribution,
    progress: Callable[[], None] = lambda: None,
) -> ExportResult:
    import sqlite_utils

    _check_target(out)
    work = _scratch_copy(out)
    try:
        db = sqlite_utils.Database(work)
        _create_schema(db)
        same_code = _info(db).get("code") == export_code()
        rewritten = grown = 0
        written = dict.fromkeys(TABLES, 0)
        summaries = {summary.policy: summary for summary in archive.policies()}
        for policy in policies:
            history = History(archive, policy)
            entries = history.log_entries()
            ids = version_keys([entry.version for entry in entries])
            existing = [row["id"] for row in db.query(
                "select id from versions where policy = ? order by number", [policy])]  # fmt: skip
            if same_code and existing and existing == ids[: len(existing)]:
                start, grown = len(existing), grown + (len(ids) > len(existing))
            else:
                _delete_policy(db, policy)
                start, rewritten = 0, rewritten + 1
            rows = history_rows(history, entries, start)
            rows.add("policies", policy_row(summaries[policy], entries))
            for name, count in _write(db, rows).items():
                written[name] += count
            progress()
        _write_info(db, archive)
        _create_views(db)
        totals = {name: db[name].count for name in TABLES}
        db.close()
        os.replace(work, out)
    except (sqlite3.Error, OSError) as error:
        _remove(work)
        raise InputError(f"cannot write {shown(out)}: {error}") from None
    except BaseException:
        _remove(work)
        raise
    metadata = _write_metadata(out, attribution)
    return ExportResult(out, "sqlite", len(policies), rewritten, grown, written, totals, metadata)


def export_parquet(
    archive: Archive,
    policies: list[str],
    folder: Path,
    progress: Callable[[], None] = lambda: None,
) -> ExportResult:
    """One Parquet file a table in `folder`, each written under a temporary name first."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError("Parquet export needs pyarrow: pip install 'tracker[export]'") from None
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{shown(folder)} is a file; give a folder for the Parquet tables")
    folder.mkdir(parents=True, exist_ok=True)
    schemas = {name: arrow_schema(table) for name, table in TABLES.items()}
    scratch = Path(tempfile.mkdtemp(prefix=".tracker-export-", dir=folder))
    try:
        writers = {name: pq.ParquetWriter(scratch / f"{name}.parquet", schema)
                   for name, schema in schemas.items()}  # fmt: skip
        totals = dict.fromkeys(TABLES, 0)
        summaries = {summary.policy: summary for summary in archive.policies()}
        for policy in policies:
            history = History(archive, policy)
            entries = history.log_entries()
            rows = history_rows(history, entries)
            rows.add("policies", policy_row(summaries[policy], entries))
            for name, table_rows in rows.tables.items():
                if table_rows:
                    writers[name].write_table(pa.Table.from_pylist(table_rows, schemas[name]))
                    totals[name] += len(table_rows)
            progress()
        for writer in writers.values():
            writer.close()
        for name in TABLES:
            os.replace(scratch / f"{name}.parquet", folder / f"{name}.parquet")
    except OSError as error:
        raise InputError(f"cannot write {shown(folder)}: {error.strerror or error}") from None
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return ExportResult(folder, "parquet", len(policies), len(policies), 0, totals, totals)


def export_code() -> str:
    """What the rows depend on: the analysis (the result cache's digest) and the table code."""
    from tracker.history.cache import code_digest

    digest = hashlib.sha256(code_digest().encode())
    here = Path(__file__).parent
    for name in ("tables.py", "json.py", "wording.py", "schemas/tables.toml"):
        digest.update((here / name).read_bytes())
    return digest.hexdigest()[:20]


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _check_target(out: Path) -> None:
    """Never overwrite a file that is not an export of ours."""
    if out.is_dir():
        raise InputError(f"{shown(out)} is a folder; give a file name such as policies.db")
    if not out.parent.is_dir():
        raise InputError(f"no folder {shown(out.parent)} to write {shown(out.name)} into")
    if not out.exists():
        return
    try:
        with contextlib.closing(sqlite3.connect(f"file:{out}?mode=ro", uri=True)) as connection:
            names = {row[0] for row in connection.execute("select name from sqlite_master")}
    except sqlite3.DatabaseError:
        names = set()
    if _INFO not in names:
        raise InputError(
            f"{shown(out)} exists and is not a tracker export; choose another name or remove it"
        )


def _scratch_copy(out: Path) -> Path:
    handle, name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    os.close(handle)
    work = Path(name)
    if out.exists():
        shutil.copyfile(out, work)
    else:
        work.unlink()
    return work


def _create_schema(db) -> None:
    for table in TABLES.values():
        if not db[table.name].exists():
            columns = {column: _SQLITE_TYPES[kind] for column, kind in table.types.items()}
            db[table.name].create(columns, pk=table.pk)
    missing = [
        (table.name, column, other, other_column)
        for table in TABLES.values()
        for column, other, other_column in table.foreign_keys
        if not any(key.column == column for key in db[table.name].foreign_keys)
    ]
    if missing:
        db.add_foreign_keys(missing)
    for table in TABLES.values():
        for columns in table.indexes:
            db[table.name].create_index(list(columns), if_not_exists=True)
        if table.fts and not db[table.name].detect_fts():
            db[table.name].enable_fts(list(table.fts), create_triggers=True)
    if not db[_INFO].exists():
        db[_INFO].create({"key": str, "value": str}, pk="key")


def _info(db) -> dict[str, str]:
    return {row["key"]: row["value"] for row in db[_INFO].rows}


def _write_info(db, archive: Archive) -> None:
    import tracker

    db[_INFO].upsert_all(
        [
            {"key": "code", "value": export_code()},
            {"key": "tracker_version", "value": tracker.__version__},
            {"key": "archive", "value": str(archive.path)},
            {"key": "exported_at", "value": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")},
        ],
        pk="key",
    )


def _delete_policy(db, policy: str) -> None:
    for name in reversed(TABLES):
        db[name].delete_where("policy = ?", [policy])


def _write(db, rows: Rows) -> dict[str, int]:
    """Policies and versions are upserted (their counts, sightings and flags change as the
    archive grows); the other rows are new. An upsert, unlike SQLite's INSERT OR REPLACE,
    keeps the full-text triggers in step."""
    for name, table_rows in rows.tables.items():
        if not table_rows:
            continue
        if name in ("policies", "versions"):
            db[name].upsert_all(table_rows, pk=TABLES[name].pk)
        else:
            db[name].insert_all(table_rows, pk=TABLES[name].pk)
    return {name: len(table_rows) for name, table_rows in rows.tables.items()}


def _create_views(db) -> None:
    for name, view in table_contract()["views"].items():
        db.create_view(name, view["sql"].strip(), replace=True)


def arrow_schema(table: Table):
    """The table's Parquet schema (lists are JSON text, as in SQLite)."""
    import pyarrow as pa

    types = {ColumnType.TEXT: pa.string(), ColumnType.INTEGER: pa.int64(),
             ColumnType.FLOAT: pa.float64(), ColumnType.BOOLEAN: pa.bool_(),
             ColumnType.LIST: pa.string()}  # fmt: skip
    return pa.schema([(column, types[kind]) for column, kind in table.types.items()])


def datasette_metadata(database: str, attribution: Attribution) -> dict[str, Any]:
    """Datasette's metadata: what each table and column holds, the views, canned queries,
    and where the data comes from."""
    contract = table_contract()
    tables: dict[str, Any] = {
        name: {"description": table.description, "columns": table.columns}
        for name, table in TABLES.items()
    }
    tables.update(
        {name: {"description": view["description"]} for name, view in contract["views"].items()}
    )
    queries = {
        name: {"title": query["title"], "description": query["description"],
               "sql": query["sql"].strip()}
        for name, query in contract["queries"].items()
    }  # fmt: skip
    about = {key: value for key, value in vars(attribution).items() if value}
    return {
        "title": f"{database}: policy histories",
        "description": "Versions of privacy policies and terms, what changed between them and "
        "what it means, exported by tracker.",
        **about,
        "databases": {database: {"tables": tables, "queries": queries}},
    }


def _write_metadata(out: Path, attribution: Attribution) -> Path:
    path = out.with_name(f"{out.stem}.metadata.json")
    text = json.dumps(datasette_metadata(out.stem, attribution), indent=2, ensure_ascii=False)
    handle, scratch = tempfile.mkstemp(prefix=f".{path.name}.", dir=out.parent)
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        file.write(text + "\n")
    os.replace(scratch, path)
    return path
