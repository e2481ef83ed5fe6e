"""The `tracker` command line. Commands are thin: they parse options and call the pipeline.

Heavy libraries (dateparser, textual, gitpython, rich) are imported inside the
commands that need them, so `tracker --help` starts fast.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import click

from tracker import __version__
from tracker.cli.export import corpus, export_group
from tracker.cli.options import (
    archive_option,
    compare_new_versions,
    compare_option,
    json_option,
    open_archive,
)
from tracker.errors import TrackerError


class TrackerGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)  # in the order a newcomer meets them, not alphabetical


@click.group(
    cls=TrackerGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--archive",
    "archive_path",
    metavar="PATH",
    help="The archive to use. Default: $TRACKER_ARCHIVE, else the archive enclosing the "
    "current folder, else ./policy-archive.",
)
@click.version_option(__version__, prog_name="tracker")
@click.pass_context
def cli(ctx: click.Context, archive_path: str | None) -> None:
    """Track how privacy policies and terms change over time.

    Snapshots live in a git archive as dated files; tracker finds each one's
    effective date, reads it into sections, and tells what changed between
    versions and what the change means.

    \b
    Quick start:
      tracker demo                      # archive the bundled samples, write a report
      tracker init ~/policies
      tracker add policy.html --policy acme/privacy
      tracker diff acme/privacy         # its last two versions
      tracker tui                       # browse it all

    With no command, tracker opens the terminal UI on the archive.
    """
    ctx.obj = archive_path
    if ctx.invoked_subcommand is None:
        ctx.invoke(tui)


@cli.command()
@archive_option
@click.argument("path", required=False, type=click.Path(path_type=Path))
@json_option
@click.pass_context
def init(ctx: click.Context, path: Path | None, as_json: bool) -> None:
    """Create an archive: a git repository with a marker file.

    \b
    Example:
      tracker init ~/policies
    """
    from tracker.store.archive import find_archive, init_archive

    target = path or find_archive(ctx.find_root().obj)
    archive = init_archive(target)
    if as_json:
        from tracker.present.console import print_json

        print_json({"archive": str(archive.path.resolve())})
    else:
        click.echo(f"archive ready at {archive.path}")


@cli.command()
@archive_option
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "--policy",
    help="The policy, as ORG/DOC (e.g. acme/privacy). Default: worked out from the text.",
)
@click.option(
    "--date",
    "date_text",
    help="The effective date (YYYY-MM-DD, YYYY-MM or YYYY); overrides the text.",
)
@click.option(
    "--observed",
    "observed_text",
    help="The day the capture was seen online (YYYY-MM-DD); overrides the file's own dates.",
)
@click.option("--url", help="The page's URL, kept as provenance.")
@compare_option
@json_option
@click.pass_context
def add(
    ctx, sources: tuple[str, ...], policy, date_text, observed_text, url, skip_compare, as_json
) -> None:
    """File snapshots: files, folders (every .txt/.md/.html in them), URLs, or - for stdin.

    The effective date comes from the text ('Effective date: ...', 'Last
    updated ...'); the policy from the page's domain and wording. Each capture
    is also a sighting: the day it was seen is --observed, else a web archive's
    date, else a file name that is a date (2024-05-03.md), else today for a URL.
    The timeline follows the days versions were first seen (or the dates they
    state, where no day is known). The text of the version beside it is one
    more sighting of that version; the text of an older one is a revert.

    \b
    Examples:
      tracker add policy-2016.md --policy mesosphere/privacy
      tracker add snapshots/
      tracker add https://example.org/privacy
      tracker add capture.html --observed 2024-05-03
      cat policy.html | tracker add - --policy acme/privacy --date 2024-05-01
    """
    from tracker.app.adding import add_sources
    from tracker.present import views
    from tracker.present.console import progress_callback

    archive = open_archive(ctx)
    with progress_callback("reading") as step:
        outcome = add_sources(
            archive,
            list(sources),
            policy=policy,
            date_text=date_text,
            observed_text=observed_text,
            url=url,
            progress=step,
        )

    views.show_added(outcome, as_json)
    added = {result.version.policy for result, _ in outcome.filed if result.status == "added"}
    if added and not skip_compare:
        compare_new_versions(archive, added)
    if outcome.errors:
        ctx.exit(1)


@cli.command(name="list")
@archive_option
@json_option
@click.pass_context
def list_policies(ctx: click.Context, as_json: bool) -> None:
    """Policies in the archive: versions, first and last effective date.

    \b
    Example:
      tracker list --json
    """
    from tracker.present import views

    views.show_policies(open_archive(ctx).policies(), as_json)


@cli.group(name="import")
def import_group() -> None:
    """Import histories recorded by other archives (Open Terms Archive)."""


@import_group.command(name="ota")
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--service", help="Only this service (folder), e.g. Quora.")
@click.option(
    "--type", "document_type", help='Only this document type (file name), e.g. "Privacy Policy".'
)
@click.option("--since", help="Only versions recorded since this date.")
@compare_option
@archive_option
@json_option
@click.pass_context
def import_ota_command(
    ctx, path: Path, service, document_type, since, skip_compare, as_json
) -> None:
    """Every version of an Open Terms Archive versions repository (a git clone).

    The policy is SERVICE/DOCUMENT-TYPE (`quora/privacy-policy`); the effective
    date comes from the text, else the recorded date (precision `recorded`).
    Importing again adds only what is new.

    \b
    Example:
      git clone https://github.com/OpenTermsArchive/pga-versions
      tracker import ota pga-versions --service Quora --since 2024-01-01
    """
    from tracker.app.importing import run_ota_import
    from tracker.present import views
    from tracker.present.console import progress_callback

    archive = open_archive(ctx)
    with progress_callback("importing versions") as step:
        result = run_ota_import(archive, path, service, document_type, since, step)
    views.show_import(result, as_json)
    added = {item.version.policy for item in result.results if item.status == "added"}
    if added and not skip_compare:
        compare_new_versions(archive, added)


@cli.command()
@archive_option
@click.argument("policy")
@json_option
@click.pass_context
def log(ctx: click.Context, policy: str, as_json: bool) -> None:
    """A policy's versions, oldest first, each with its change summary.

    \b
    Example:
      tracker log mesosphere/privacy
    """
    from tracker.history.history import History
    from tracker.present import views
    from tracker.store.archive import validate_policy

    archive = open_archive(ctx)
    history = History(archive, validate_policy(policy))
    views.show_log(history, as_json)


@cli.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True))
@json_option
def parse(file: Path, as_json: bool) -> None:
    """Effective date and section tree of one file; no archive needed.

    \b
    Example:
      tracker parse privacy.html --json
    """
    from tracker.app.parsing import parse_file
    from tracker.present import views

    views.show_parsed(parse_file(file), as_json)


@cli.command()
@archive_option
@click.argument("ref", metavar="POLICY[@DATE]")
@click.option("--sections", is_flag=True, help="Show the section tree instead of the text.")
@json_option
@click.pass_context
def show(ctx: click.Context, ref: str, sections: bool, as_json: bool) -> None:
    """One version's text (the latest by default), or its section tree.

    \b
    Examples:
      tracker show mesosphere/privacy
      tracker show mesosphere/privacy@2016-04-19 --sections
    """
    from tracker.app.parsing import parse_text
    from tracker.model import Ingested
    from tracker.present import views

    archive = open_archive(ctx)
    version = archive.resolve(ref)
    snapshot = archive.read_snapshot(version)
    parsed = parse_text(Ingested(snapshot.text, snapshot.source)) if sections else None
    views.show_version(version, snapshot, parsed, as_json)


@cli.command()
@archive_option
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="[NEW]", required=False)
@click.option(
    "--words", is_flag=True, help="Show the word-level changes inside each changed section."
)
@json_option
@click.pass_context
def diff(ctx: click.Context, old: str, new: str | None, words: bool, as_json: bool) -> None:
    """What changed between two versions, section by section, and what it means.

    OLD and NEW are two files, or two versions as POLICY@DATE. With only a
    policy, compares its last two versions.

    \b
    Examples:
      tracker diff mesosphere/privacy
      tracker diff mesosphere/privacy@2016-04-19 mesosphere/privacy@2018-05 --words
      tracker diff old.md new.md --json
    """
    from tracker.app.diffing import diff_files, diff_refs, is_file_argument
    from tracker.present import views

    if new is not None and is_file_argument(old) and is_file_argument(new):
        result = diff_files(old, new)
    elif new is None and is_file_argument(old):
        raise click.UsageError("give two files, or POLICY for its last two versions")
    else:
        result = diff_refs(open_archive(ctx), old, new)
    views.show_diff(result, words, as_json)


@cli.command()
@archive_option
@click.argument("policy")
@json_option
@click.pass_context
def timeline(ctx: click.Context, policy: str, as_json: bool) -> None:
    """The section x version grid: which section changed in which version.

    \b
    Example:
      tracker timeline mesosphere/privacy
    """
    from tracker.history.history import History
    from tracker.history.timeline import build_grid
    from tracker.present import views
    from tracker.present.console import progress
    from tracker.store.archive import validate_policy

    history = History(open_archive(ctx), validate_policy(policy))
    with progress(len(history.versions) - 1, "comparing versions") as bar:
        grid = build_grid(history, progress=lambda: bar.advance(bar.task_ids[0]))
    views.show_timeline(grid, as_json)


@cli.command()
@click.argument("policies", nargs=-1, metavar="[POLICY]...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "html", "json"]),
    help="Report format (default: from -o's suffix, else md).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to FILE instead of stdout.",
)
@click.option("--since", help="Only changes since this date (YYYY-MM-DD, YYYY-MM or YYYY).")
@click.option("--schema", is_flag=True, help="Print the JSON Schema of the JSON report and exit.")
@archive_option
@click.pass_context
def report(ctx: click.Context, policies, fmt, output, since, schema) -> None:
    """A changelog report: what changed, when, and why it matters.

    With no POLICY, every policy in the archive. HTML is one self-contained
    file; JSON follows the schema that `--schema` prints.

    \b
    Examples:
      tracker report mesosphere/privacy --format md > CHANGELOG.md
      tracker report --format html -o report.html
      tracker report mesosphere/privacy --since 2017-01-01 --format json
    """
    from tracker.present.reporting import write_report

    write_report(
        open_archive(ctx) if not schema else None, list(policies), fmt, output, since, schema
    )


cli.add_command(export_group)
cli.add_command(corpus)


@cli.command()
@archive_option
@json_option
@click.pass_context
def verify(ctx: click.Context, as_json: bool) -> None:
    """Check the archive's integrity: hashes, metadata, history, working tree.

    Exits 1 and names each problem (file and what is wrong) when there is one.

    \b
    Example:
      tracker verify
    """
    from tracker.present import views
    from tracker.store.archive import find_archive
    from tracker.store.verify import verify_archive

    report = verify_archive(find_archive(ctx.find_root().obj))
    views.show_verify(report, as_json)
    if report.problems:
        ctx.exit(1)


@cli.command()
@click.argument("path", required=False, default="tracker-demo", type=click.Path(path_type=Path))
@json_option
def demo(path: Path, as_json: bool) -> None:
    """The quick start: an archive of the bundled samples, and its report.

    \b
    Example:
      tracker demo            # builds ./tracker-demo
    """
    from tracker.app.demo import build_demo
    from tracker.present import views
    from tracker.present.reporting import write_demo_reports

    views.show_demo(write_demo_reports(build_demo(path)), as_json)


@cli.command()
@archive_option
@click.argument("policy", required=False)
@click.option("--web", is_flag=True, help="Serve the UI to a browser instead (needs tracker[web]).")
@click.option("--host", default="localhost", show_default=True, help="With --web: the host.")
@click.option("--port", default=8000, show_default=True, type=int, help="With --web: the port.")
@click.pass_context
def tui(ctx: click.Context, policy: str | None, web: bool, host: str, port: int) -> None:
    """The terminal UI: policies, version timeline, section grid and diffs.

    Press ? on any screen for its keys. With --web, each browser tab that
    opens http://HOST:PORT runs its own UI on this archive (textual-serve).

    \b
    Examples:
      tracker tui
      tracker tui mesosphere/privacy
      tracker tui --web --port 8000
    """
    archive = open_archive(ctx)
    if web:
        from tracker.tui.web import serve

        serve(archive, policy, host, port)
        return
    from tracker.tui.app import run

    run(archive, policy)


def main(argv: list[str] | None = None) -> None:
    """Entry point: user errors become one line on stderr, never a traceback."""
    try:
        code = _run(argv)
        _ignore_interrupts()
    except KeyboardInterrupt:
        _ignore_interrupts()
        code = _report(INTERRUPTED, 130)
    sys.exit(code)


INTERRUPTED = "interrupted; every write is all or nothing, so no snapshot is half-filed"


def _ignore_interrupts() -> None:
    # The work is done or has failed cleanly: a Ctrl-C arriving now, while Python shuts
    # down, has nothing left to stop and would only turn the exit into a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run(argv: list[str] | None) -> int:
    try:
        result = cli.main(args=argv, prog_name="tracker", standalone_mode=False)
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.exceptions.Abort:
        return _report(INTERRUPTED, 130)
    except click.UsageError as error:
        command = error.ctx.command_path if error.ctx else "tracker"
        return _report(f"{error.format_message()} (see `{command} --help`)", 2)
    except click.ClickException as error:
        return _report(error.format_message(), error.exit_code)
    except TrackerError as error:
        return _report(str(error), error.exit_code)
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except Exception as error:
        if os.environ.get("TRACKER_DEBUG"):
            raise
        return _report(
            f"internal error: {type(error).__name__}: {error} (TRACKER_DEBUG=1 shows details)", 1
        )
    return result if isinstance(result, int) else 0


def _report(message: str, code: int) -> int:
    """The one line an error gets: inert, whitespace joined, over-long words cut (`one_line`)."""
    from tracker.present.console import one_line

    sys.stderr.write(f"tracker: {one_line(message)}\n")
    return code
