"""`tracker corpus`: the export's tables for many histories at once, on a local process pool
or on Dask, written as Parquet partitioned by service.

The unit of work is one document's history, because its versions compare in sequence. The
parent reads a history's texts (from git) and ships them to a worker; the worker runs the
pure pipeline on text (ingest, date, sections, consecutive comparisons, meaning) and returns
the rows, the same rows `tracker import` + `tracker export` give. A service's partition is
written under temporary names, renamed when complete, then marked done, so a rerun skips
finished services. At most two histories a worker are in flight, so memory stays bounded.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tracker.errors import InputError, TrackerError, shown
from tracker.model import PolicySummary, Snapshot, Version
from tracker.present.tables import TABLES, Row, history_rows, policy_row

_DONE = "_done"  # one marker file a finished service


@dataclass(frozen=True)
class RecordedHistory:
    """A document's versions as an Open Terms Archive recorded them, with their texts."""

    service: str
    policy: str
    versions: tuple  # (Recorded, bytes) pairs, oldest first


@dataclass(frozen=True)
class FiledHistory:
    """A policy's versions as a tracker archive filed them, with their texts."""

    service: str
    policy: str
    versions: tuple[Version, ...]
    snapshots: tuple[Snapshot, ...]


@dataclass(frozen=True)
class FolderHistory:
    """A folder of dated captures of one policy, read as `tracker add FOLDER` reads them."""

    service: str
    policy: str
    inputs: tuple  # app.sources.Input, in the order `tracker add` takes them
    today: str


@dataclass(frozen=True)
class CorpusResult:
    out: Path
    engine: str
    workers: int
    documents: int
    services: int
    skipped_services: int  # finished by an earlier run
    rows: dict[str, int]
    seconds: float


def history_tables(history: RecordedHistory | FiledHistory | FolderHistory) -> dict[str, list[Row]]:
    """The rows of one history: what a worker runs (a plain function of text)."""
    from tracker.history.history import TextHistory

    if isinstance(history, RecordedHistory):
        versions, snapshots = _filed(history)
    elif isinstance(history, FolderHistory):
        versions, snapshots = _added(history)
    else:
        versions, snapshots = list(history.versions), list(history.snapshots)
    if not versions:
        return {name: [] for name in TABLES}
    memory = TextHistory(history.policy, versions, snapshots)
    entries = memory.log_entries()
    rows = history_rows(memory, entries)
    rows.add("policies", policy_row(PolicySummary.of(history.policy, versions), entries))
    return rows.tables


def _filed(history: RecordedHistory) -> tuple[list[Version], list[Snapshot]]:
    """The versions `tracker import ota` would file, in its timeline order."""
    from tracker.app.ota import recorded_snapshot
    from tracker.store.observations import Plan

    plan = Plan([], today="")
    for recorded, content in history.versions:
        try:
            plan.file_recorded(recorded_snapshot(recorded, content))
        except TrackerError:
            continue  # an empty or unreadable capture: the import skips it too
    filed = {path: snapshot for snapshot, path in plan.new}
    versions = plan.timeline(history.policy)
    return versions, [filed[version.path] for version in versions]


def _added(history: FolderHistory) -> tuple[list[Version], list[Snapshot]]:
    """The versions `tracker add FOLDER --policy POLICY` would file: a capture with the text
    of the version beside it is one more sighting of it."""
    from tracker.app.sources import prepare
    from tracker.store.observations import Plan

    plan = Plan([], today=history.today)
    for raw in history.inputs:
        try:
            prepared = prepare(raw, policy=history.policy, date=None, known_policies=[])
        except TrackerError:
            continue  # undated or unreadable: `tracker add` names it and files the rest
        plan.place(prepared.snapshot)
    filed = {path: snapshot for snapshot, path in plan.new}
    versions = plan.timeline(history.policy)
    return versions, [filed[version.path] for version in versions]


def discover(sources: list[Path], service: str | None, document_type: str | None):
    """Each source's histories, grouped by service: `{service: [loader, ...]}`, where a
    loader reads one history's texts when called (so only histories in flight are held)."""
    grouped: dict[str, list[Callable[[], RecordedHistory | FiledHistory]]] = defaultdict(list)
    for source in sources:
        if not source.is_dir():
            raise InputError(f"{shown(source)} is not a folder")
        if (source / ".tracker-archive").exists():
            _discover_archive(source, service, document_type, grouped)
        elif (source / ".git").exists() or (source / "HEAD").exists():
            _discover_ota(source, service, document_type, grouped)
        elif not _discover_folders(source, service, document_type, grouped):
            raise InputError(
                f"{shown(source)} is neither a tracker archive, an Open Terms Archive "
                "versions repository (a git clone) nor a folder of dated files"
            )
    return dict(sorted(grouped.items()))


def _discover_ota(repository: Path, service, document_type, grouped) -> None:
    from tracker.app.ota import policy_slug, recorded_versions

    documents: dict[str, list] = defaultdict(list)
    for recorded in recorded_versions(repository, service, document_type):
        documents[recorded.path].append(recorded)
    for _path, versions in sorted(documents.items()):
        policy = policy_slug(versions[0].service, versions[0].document_type)
        grouped[policy.split("/")[0]].append(_ota_loader(repository, policy, versions))


def _ota_loader(repository: Path, policy: str, versions: list):
    def load() -> RecordedHistory:
        from tracker.app.ota import recorded_contents

        contents = recorded_contents(repository, versions)
        pairs = tuple(zip(versions, contents, strict=True))
        return RecordedHistory(policy.split("/")[0], policy, pairs)

    return load


def _discover_folders(root: Path, service, document_type, grouped) -> bool:
    """Folders of captures named by their date (`acme/privacy/2024-05-03.html`): one history
    each, its policy the folder's parent and name (`acme/privacy`)."""
    from tracker.analysis.dates import date_in_file_name
    from tracker.app.sources import expand_sources
    from tracker.text import slugify

    folders: dict[Path, list[Path]] = defaultdict(list)
    for path in expand_sources([str(root)]):
        folders[Path(path).parent].append(Path(path))
    found = False
    for folder, files in sorted(folders.items()):
        if not any(date_in_file_name(file.name) for file in files):
            continue
        organisation = slugify(folder.parent.name) or "policies"
        policy = f"{organisation}/{slugify(folder.name) or 'policy'}"
        if service and organisation != slugify(service):
            continue
        if document_type and policy.split("/")[1] != slugify(document_type):
            continue
        grouped[organisation].append(_folder_loader(policy, files))
        found = True
    return found


def _folder_loader(policy: str, files: list[Path]):
    def load() -> FolderHistory:
        from tracker.app.sources import read_input
        from tracker.store.git import now_iso

        inputs = []
        for file in files:
            try:
                inputs.append(read_input(file))
            except TrackerError:
                continue  # a FIFO, a device, a file too large: `tracker add` skips it too
        return FolderHistory(policy.split("/")[0], policy, tuple(inputs), now_iso()[:10])

    return load


def _discover_archive(path: Path, service, document_type, grouped) -> None:
    from tracker.store.archive import Archive

    archive = Archive(path)
    for summary in archive.policies():
        organisation, _, document = summary.policy.partition("/")
        if service and organisation != service.lower():
            continue
        if document_type and document != document_type.lower():
            continue
        grouped[organisation].append(_archive_loader(archive, summary.policy))


def _archive_loader(archive, policy: str):
    def load() -> FiledHistory:
        versions = archive.policy_versions(policy)
        snapshots = archive.read_snapshots(versions)
        return FiledHistory(policy.split("/")[0], policy, tuple(versions), tuple(snapshots))

    return load


class LocalEngine:
    """A process pool sized to the machine (the default)."""

    name = "local"

    def __init__(self, workers: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.workers = workers
        # spawn, not fork: the parent holds threads (progress) and open git pipes
        self._pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))

    def submit(self, history):
        return self._pool.submit(history_tables, history)

    def wait_any(self, futures: set) -> set:
        from concurrent.futures import FIRST_COMPLETED, wait

        return wait(futures, return_when=FIRST_COMPLETED).done

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)


class DaskEngine:
    """The same plan on Dask: a LocalCluster of `workers` processes, or an existing cluster."""

    name = "dask"

    def __init__(self, workers: int, scheduler: str | None) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise InputError("--engine dask needs Dask: pip install 'tracker[dask]'") from None
        self._cluster = None
        try:
            if scheduler:
                self._client = Client(scheduler, timeout="10s")
            else:
                self._cluster = LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True,
                    dashboard_address=None,
                )  # fmt: skip
                self._client = Client(self._cluster)
        except (OSError, TimeoutError) as error:
            raise InputError(
                f"cannot reach the Dask scheduler {shown(scheduler)}: {error}"
            ) from None
        self.workers = len(self._client.scheduler_info()["workers"]) or workers

    def submit(self, history):
        return self._client.submit(history_tables, history, pure=False)

    def wait_any(self, futures: set) -> set:
        from dask.distributed import wait

        return set(wait(list(futures), return_when="FIRST_COMPLETED").done)

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def run_corpus(
    sources: list[Path],
    out: Path,
    *,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    service: str | None = None,
    document_type: str | None = None,
    progress: Callable[[int, int | None], None] = lambda advance, total=None: None,
) -> CorpusResult:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise InputError("tracker corpus writes Parquet: pip install 'tracker[corpus]'") from None
    if out.exists() and not out.is_dir():
        raise InputError(f"{shown(out)} is a file; give a folder for the Parquet tables")
    started = time.perf_counter()
    grouped = discover(sources, service, document_type)
    done = out / _DONE
    pending = {name: loaders for name, loaders in grouped.items() if not (done / name).exists()}
    progress(0, sum(len(loaders) for loaders in pending.values()))
    workers = workers or os.cpu_count() or 1
    runner = LocalEngine(workers) if engine == "local" else DaskEngine(workers, scheduler)
    rows = dict.fromkeys(TABLES, 0)
    try:
        for name, tables in _results(runner, pending, progress):
            for table, count in _write_partition(out, name, tables).items():
                rows[table] += count
    finally:
        runner.close()
    documents = sum(len(loaders) for loaders in grouped.values())
    return CorpusResult(
        out, runner.name, runner.workers, documents, len(pending), len(grouped) - len(pending),
        rows, time.perf_counter() - started,
    )  # fmt: skip


def _results(runner, pending: dict, progress) -> Iterator[tuple[str, dict[str, list[Row]]]]:
    """Each service's rows once all its histories are done, at most 2 a worker in flight."""
    queue = [(name, loader) for name, loaders in pending.items() for loader in loaders]
    remaining = {name: len(loaders) for name, loaders in pending.items()}
    collected: dict[str, dict[str, list[Row]]] = defaultdict(lambda: defaultdict(list))
    in_flight: dict = {}
    position = 0
    while position < len(queue) or in_flight:
        while position < len(queue) and len(in_flight) < 2 * runner.workers:
            name, loader = queue[position]
            in_flight[runner.submit(loader())] = name
            position += 1
        for future in runner.wait_any(set(in_flight)):
            name = in_flight.pop(future)
            for table, table_rows in future.result().items():
                collected[name][table].extend(table_rows)
            progress(1)
            remaining[name] -= 1
            if remaining[name] == 0:
                yield name, collected.pop(name)


def _write_partition(out: Path, service: str, tables: dict[str, list[Row]]) -> dict[str, int]:
    """`out/TABLE/service=SERVICE/part-0.parquet` for every table, then the done marker."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from tracker.present.exporting import arrow_schema

    out.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".tracker-corpus-", dir=out))
    try:
        for name, table in TABLES.items():
            ordered = sorted(tables.get(name, []), key=lambda row: row[table.pk])
            pq.write_table(pa.Table.from_pylist(ordered, arrow_schema(table)), scratch / name)
        for name in TABLES:
            target = out / name / f"service={service}"
            target.mkdir(parents=True, exist_ok=True)
            os.replace(scratch / name, target / "part-0.parquet")
        (out / _DONE).mkdir(exist_ok=True)
        (out / _DONE / service).write_text("done\n")
    except OSError as error:
        raise InputError(f"cannot write {shown(out)}: {error.strerror or error}") from None
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return {name: len(tables.get(name, [])) for name in TABLES}
