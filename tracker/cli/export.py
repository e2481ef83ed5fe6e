"""`tracker export sqlite` and `tracker export parquet`."""

from __future__ import annotations

from pathlib import Path

import click

from tracker.cli.options import archive_option, json_option, open_archive


@click.group(name="export")
def export_group() -> None:
    """The archive's histories as tables: SQLite for Datasette and SQL, Parquet for pandas,
    DuckDB and Spark.

    Tables: policies, versions, sections, changes, facts, fact_changes, moves
    (`tracker/present/schemas/tables.toml` describes every column).
    """


_attribution_options = [
    click.option("--source", help="Where the data comes from, shown by Datasette."),
    click.option("--source-url", help="A link for --source."),
    click.option("--license", "licence", help="The data's licence, e.g. ODC-By-1.0."),
    click.option("--license-url", "licence_url", help="A link for --license."),
]


def attribution_options(command):
    for option in reversed(_attribution_options):
        command = option(command)
    return command


@export_group.command(name="sqlite")
@click.argument("out", type=click.Path(path_type=Path), metavar="OUT.db")
@click.argument("policies", nargs=-1, metavar="[POLICY]...")
@attribution_options
@archive_option
@json_option
@click.pass_context
def export_sqlite_command(
    ctx, out: Path, policies, source, source_url, licence, licence_url, as_json
) -> None:
    """One SQLite database with foreign keys, indexes, full-text search on sections and
    changes, and views; plus OUT.metadata.json for Datasette.

    Exporting again updates the database in place: only new versions are added when the
    archive only grew. Needs no extra install.

    \b
    Examples:
      tracker export sqlite policies.db
      datasette policies.db --metadata policies.metadata.json
      sqlite3 policies.db "select * from user_rights_changes"
    """
    from tracker.present import views
    from tracker.present.console import progress
    from tracker.present.exporting import chosen_policies, default_attribution, export_sqlite

    archive = open_archive(ctx)
    chosen = chosen_policies(archive, policies)
    attribution = default_attribution(archive, source, source_url, licence, licence_url)
    with progress(len(chosen), "exporting policies") as bar:
        result = export_sqlite(
            archive, chosen, out, attribution, lambda: bar.advance(bar.task_ids[0])
        )
    views.show_export(result, as_json)


@export_group.command(name="parquet")
@click.argument("folder", type=click.Path(path_type=Path), metavar="DIR")
@click.argument("policies", nargs=-1, metavar="[POLICY]...")
@archive_option
@json_option
@click.pass_context
def export_parquet_command(ctx, folder: Path, policies, as_json) -> None:
    """One Parquet file a table in DIR (policies.parquet, versions.parquet, ...), the same
    tables and columns as the SQLite export. Needs pip install 'tracker[export]'.

    \b
    Examples:
      tracker export parquet tables/
      duckdb -c "select policy, count(*) from 'tables/changes.parquet' group by 1"
    """
    from tracker.present import views
    from tracker.present.console import progress
    from tracker.present.exporting import chosen_policies, export_parquet

    archive = open_archive(ctx)
    chosen = chosen_policies(archive, policies)
    with progress(len(chosen), "exporting policies") as bar:
        result = export_parquet(archive, chosen, folder, lambda: bar.advance(bar.task_ids[0]))
    views.show_export(result, as_json)


@click.command()
@click.argument(
    "sources", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="SOURCE..."
)
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(path_type=Path),
    help="The folder for the Parquet tables.",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: a process pool on this machine; dask: a Dask cluster.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 512),
    help="How many worker processes (default: one a core).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="An existing Dask scheduler (tcp://HOST:8786); implies --engine dask.",
)
@click.option(
    "--service",
    help="Only this service (folder of an Open Terms Archive repository, or organisation).",
)
@click.option("--type", "document_type", help='Only this document type, e.g. "Privacy Policy".')
@json_option
def corpus(sources, out: Path, engine, workers, scheduler, service, document_type, as_json) -> None:
    """The export's tables for whole corpora, as Parquet partitioned by service: every
    history of Open Terms Archive versions repositories or tracker archives, compared on
    both cores (or a Dask cluster) with the same results as import + export.

    A rerun skips the services already written. Needs pip install 'tracker[corpus]'
    (and 'tracker[dask]' for --engine dask).

    \b
    Examples:
      tracker corpus contrib-versions --out corpus/
      tracker corpus pga-versions --out corpus/ --engine dask --scheduler tcp://10.0.0.5:8786
      duckdb -c "select service, count(*) from read_parquet('corpus/versions/*/*.parquet', hive_partitioning=1) group by 1"
    """
    from tracker.present import views
    from tracker.present.console import progress_callback
    from tracker.present.corpus import run_corpus

    with progress_callback("comparing histories") as step:
        result = run_corpus(
            list(sources), out, engine="dask" if scheduler else engine, workers=workers,
            scheduler=scheduler, service=service, document_type=document_type,
            progress=lambda advance, total=None: step(advance, total),
        )  # fmt: skip
    views.show_corpus(result, as_json)
