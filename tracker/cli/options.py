"""Options and helpers every command shares."""

from __future__ import annotations

import click

json_option = click.option(
    "--json", "as_json", is_flag=True, help="Print one JSON document on stdout."
)


def _remember_archive(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value:
        ctx.find_root().obj = value


archive_option = click.option(
    "--archive",
    metavar="PATH",
    expose_value=False,
    callback=_remember_archive,
    help="The archive (default: $TRACKER_ARCHIVE, the enclosing archive, or ./policy-archive).",
)


def open_archive(ctx: click.Context):
    from tracker.store.archive import Archive, find_archive

    return Archive(find_archive(ctx.find_root().obj))


compare_option = click.option(
    "--no-compare",
    "skip_compare",
    is_flag=True,
    help="Do not compare the new versions now; the log, timeline and TUI compare them when "
    "first opened. By default each new step is compared once, on every core, so they open at once.",
)


def compare_new_versions(archive, policies) -> None:
    """After filing: the new steps compared on every core, with a bar, into the result cache."""
    from tracker.app.precompute import precompute
    from tracker.present.console import progress_callback

    with progress_callback("comparing versions") as step:
        precompute(archive, policies, progress=step)
