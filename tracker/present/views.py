"""What each command prints: a readable view for people, or the `--json` contract for scripts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.errors import shown
from tracker.present.console import err, escape, one_line, out, print_json, print_plain_table, safe
from tracker.present.json import (
    added_json,
    demo_json,
    diff_json,
    import_json,
    log_json,
    parsed_json,
    policies_json,
    timeline_json,
    verify_json,
    version_show_json,
)
from tracker.present.wording import (
    KIND_MARK,
    KIND_STYLE,
    caveat_message,
    comparison_summary,
    counted,
    describe,
    elided,
    flag_words,
    kind_legend,
    log_summary,
    page_notes,
    redline_ops,
    seen_words,
    sighting_source,
)

if TYPE_CHECKING:
    from tracker.app.adding import AddOutcome
    from tracker.app.parsing import Parsed
    from tracker.history.history import History
    from tracker.model import PolicySummary, Snapshot, Version
    from tracker.present.corpus import CorpusResult
    from tracker.present.exporting import ExportResult
    from tracker.store.verify import VerifyReport


def show_added(outcome: AddOutcome, as_json: bool) -> None:
    for source, message in outcome.errors:
        name = "standard input" if source == "-" else shown(source, None)
        named = message if name in message else f"{name}: {message}"
        err().print(f"[red]tracker:[/] {escape(one_line(named))}")  # one line, as in cli._report
    if as_json:
        print_json(added_json(outcome))
        return
    for (result, prepared), check in zip(outcome.filed, outcome.checks, strict=True):
        version = result.version
        when = f"{version.effective.short} ({version.effective.precision})"
        seen = sighting_source(prepared.snapshot.observed or version.first_observed)
        if result.status == "added":
            out().print(
                f"[green]added[/]     {version.policy} {when} -> {version.path}  "
                f"[dim]from {escape(shown(prepared.name, None))}; {prepared.policy_reason}; "
                f"{seen}{_encoding_note(prepared.encoding)}[/]"
            )
            for note in page_notes(check):
                err().print(f"  [yellow]note:[/] {escape(note)}")
        elif result.status == "observed":
            out().print(
                f"[cyan]seen again[/] {version.policy} {when} ({version.path}): {seen}; "
                f"{seen_words(version)}; no new version"
            )
        else:
            out().print(
                f"[yellow]unchanged[/] {version.policy} {when} already holds this text "
                f"({version.path}); nothing filed"
            )


def _encoding_note(encoding: str) -> str:
    """UTF-8 and UTF-16 say what they are; any other reading was a guess worth telling."""
    return "" if encoding.startswith("utf-") else f"; not UTF-8, read as {encoding}"


def show_policies(policies: list[PolicySummary], as_json: bool) -> None:
    if as_json:
        print_json(policies_json(policies))
        return
    if not policies:
        out().print("no policies yet; add one with `tracker add FILE`")
        return
    rows = [
        (summary.policy, str(summary.versions), summary.first.short, summary.last.short)
        for summary in policies
    ]
    print_plain_table(("policy", "versions", "first", "last"), rows, right=frozenset({1}))


def show_log(history: History, as_json: bool) -> None:
    entries = history.log_entries()
    if as_json:
        print_json(log_json(history.policy, entries))
        return
    for entry in entries:
        version = entry.version
        precision = (
            "" if version.effective.precision == "day" else f" ({version.effective.precision})"
        )
        extraction = " [magenta]extraction change[/]" if version.source.extraction_change else ""
        flags = f"  [yellow]{flag_words(entry.flags)}[/]" if entry.flags else ""
        out().print(
            f"[bold]{version.effective.short}[/]{precision}  [dim]{version.commit[:10]}[/]"
            f"{extraction}  {escape(log_summary(entry))}{flags}  [dim]{seen_words(version)}[/]"
        )


def show_parsed(parsed: Parsed, as_json: bool) -> None:
    if as_json:
        print_json(parsed_json(parsed))
        return
    ingested, effective, document = parsed.ingested, parsed.effective, parsed.document
    console = out()
    console.print(f"[bold]{escape(document.title or '(untitled)')}[/]")
    if effective:
        console.print(
            f"effective {effective.label} ({effective.precision}), from “{escape(effective.text)}”"
        )
    else:
        console.print("[yellow]no effective date found[/]")
    if _encoding_note(ingested.encoding):
        console.print(f"[yellow]{_encoding_note(ingested.encoding).lstrip('; ')}[/]")
    if ingested.source.archived_on:
        console.print(
            f"archived on {escape(ingested.source.archived_on)} from {escape(ingested.source.url or '?')}"
        )
    console.print(f"{counted(len(document.sections), 'section')}:")
    for section, meaning in zip(document.sections, parsed.meanings, strict=True):
        topic = f"  [dim]{meaning.topic}[/]" if meaning.topic != "other" else ""
        number = f"{section.number} " if section.number else ""
        console.print(f"{'  ' * section.level}{escape(number + section.title)}{topic}")
    for warning in document.warnings:
        err().print(f"[yellow]warning:[/] {escape(warning)}")


def show_version(
    version: Version, snapshot: Snapshot, parsed: Parsed | None, as_json: bool
) -> None:
    """The version's text, or with `parsed` (`--sections`) its section tree."""
    if as_json:
        print_json(version_show_json(version, snapshot, parsed))
        return
    if parsed is None:
        out().file.write(safe(snapshot.text))
        return
    out().print(f"[bold]{version.policy}[/] {version.effective.label}")
    for section in parsed.document.sections:
        out().print(f"{'  ' * section.level}{escape(section.title)}  [dim]{section.id}[/]")


def show_verify(report: VerifyReport, as_json: bool) -> None:
    if as_json:
        print_json(verify_json(report))
        return
    for problem in report.problems:
        err().print(f"[red]problem:[/] {escape(problem.file)}: {escape(problem.message)}")
    for note in report.notes:
        out().print(f"[dim]note: {escape(note)}[/]")
    if not report.problems:
        out().print(
            f"[green]ok[/]: {counted(report.versions, 'version')}, hashes, metadata and history check out"
        )


def show_diff(diff, words: bool, as_json: bool) -> None:
    if as_json:
        print_json(diff_json(diff, words))
        return

    console = out()
    when = [side.effective.label if side.effective else "undated" for side in (diff.old, diff.new)]
    console.print(
        f"[bold]{escape(diff.old.label)}[/] ({when[0]}) -> [bold]{escape(diff.new.label)}[/] ({when[1]})"
    )
    summary = comparison_summary(diff.comparison)
    console.print(escape(summary))
    for caveat in diff.comparison.caveats:
        if caveat_message(caveat) not in summary:
            console.print(f"[yellow]warning:[/] {escape(caveat_message(caveat))}")
    console.print()
    unchanged = 0
    for change in diff.comparison.changes:
        if change.kind == "unchanged":
            unchanged += 1
            continue
        console.print(_change_line(change))
        for fact in change.facts:
            console.print(f"            [bold]·[/] {escape(describe(fact))}")
        if words and change.words:
            console.print(_word_diff_text(redline_ops(change)), soft_wrap=True)
            console.print()
    if unchanged:
        console.print(f"[dim]{counted(unchanged, 'section')} unchanged[/]")
    if diff.comparison.moves:
        console.print("\n[bold]moved passages[/]")
        for move in diff.comparison.moves:
            excerpt = " ".join(move.text.split()[:14]) + (
                "..." if len(move.text.split()) > 14 else ""
            )
            console.print(
                f"  “{escape(excerpt)}”\n      {escape(move.source.title)} -> {escape(move.target.title)}"
            )
    if diff.comparison.facts:
        console.print("\n[bold]what changed in the document as a whole[/]")
        for fact in diff.comparison.facts:
            console.print(f"  · {escape(describe(fact))}")


def _change_line(change) -> str:
    style = KIND_STYLE.get(change.kind, "")
    old = " + ".join(section.title for section in change.old)
    new = " + ".join(section.title for section in change.new)
    if change.kind == "added":
        titles = new
    elif change.kind == "removed":
        titles = old
    elif old == new:
        titles = new
    else:
        titles = f"{old} -> {new}"
    same = (
        f" ({round(change.similarity * 100)}% same)"
        if change.old and change.new and change.kind != "unchanged"
        else ""
    )
    tags = [
        tag
        for tag in (change.topic if change.topic != "other" else None, change.significance)
        if tag
    ]
    if change.cosmetic and change.significance != "cosmetic":
        tags.append("cosmetic")
    return f"  [{style}]{change.kind:<9}[/] {escape(titles)}{same}  [dim]{' '.join(tags)}[/]"


def _word_diff_text(ops):
    """Deletions red and struck, insertions green and underlined; `[-..-]{+..+}` when plain."""
    from rich.text import Text

    plain = out().no_color or not out().is_terminal
    text = Text()
    for op in ops:
        old, new = safe(op.old), safe(op.new)  # inert before layout, so widths stay right
        if op.op == "equal":
            text.append(elided(old, keep=12))
            continue
        if old:
            after = " " if new else _trailing_space(old)
            text.append(
                f"[-{old.strip()}-]{after}" if plain else old,
                style=None if plain else "red strike",
            )
        if new:
            text.append(
                f"{{+{new.strip()}+}}{_trailing_space(new)}" if plain else new,
                style=None if plain else "green underline",
            )
    text.rstrip()
    lines = text.split("\n", allow_blank=True)
    return Text("\n").join(Text(" " * 12) + line if line.plain else line for line in lines)


def _trailing_space(text: str) -> str:
    """What followed the words: a line break stays a line break in the plain marks."""
    return text[len(text.rstrip()) :] or " "


def show_timeline(grid, as_json: bool) -> None:
    if as_json:
        print_json(timeline_json(grid))
        return
    from rich.table import Table

    table = Table(box=None, header_style="bold", pad_edge=False, padding=(0, 1))
    table.add_column("section", overflow="ellipsis", max_width=48, no_wrap=True)
    for version in grid.versions:
        table.add_column(
            version[2:] if len(version) > 7 else version, justify="center", no_wrap=True
        )
    for row in grid.rows:
        cells = []
        for cell in row.cells:
            mark, style = KIND_MARK.get(cell or "", " "), KIND_STYLE.get(cell or "", "")
            cells.append(f"[{style}]{mark}[/]" if style else mark)
        table.add_row(escape(row.title), *cells)
    out().print(
        f"[bold]{grid.policy}[/]: {counted(len(grid.rows), 'section')} over {counted(len(grid.versions), 'version')}"
    )
    out().print(table)
    legend = kind_legend()
    out().print(legend)


def show_demo(result, as_json: bool) -> None:
    if as_json:
        print_json(demo_json(result))
        return
    show_added(result.added, False)
    if result.imported:
        out().print(
            f"[green]imported[/]  {result.imported} versions of the Open Terms Archive sample"
        )
    for report in result.reports:
        out().print(f"[bold]report[/]    {report}")
    out().print(
        f"\nnext: [bold]cd {result.archive}[/] and try `tracker list`, "
        "`tracker diff mesosphere/privacy --words`, `tracker timeline mesosphere/privacy`, `tracker tui`"
    )


def show_import(result, as_json: bool) -> None:
    for source, message in result.errors:
        err().print(f"[yellow]skipped[/] {escape(one_line(f'{shown(source, None)}: {message}'))}")
    added = [item.version for item in result.results if item.status == "added"]
    duplicates = len(result.results) - len(added)
    if as_json:
        print_json(import_json(result))
        return
    policies = sorted({version.policy for version in added})
    out().print(
        f"[green]imported[/] {len(added)} versions of {len(policies)} documents"
        + (f" ({duplicates} identical to a version already filed)" if duplicates else "")
        + (f", {result.skipped} skipped" if result.skipped else "")
    )
    for policy in policies:
        count = sum(1 for version in added if version.policy == policy)
        out().print(f"  {policy}: {count}")


def show_export(result: ExportResult, as_json: bool) -> None:
    from tracker.present.json import export_json

    if as_json:
        print_json(export_json(result))
        return
    written = sum(result.rows.values())
    out().print(
        f"[green]exported[/] {counted(result.policies, 'policy', 'policies')} to {escape(str(result.path))}"
        f" ({written:,} rows written"
        + (
            f"; {result.grown} grew, {result.rewritten} written afresh"
            if result.format == "sqlite"
            else ""
        )
        + ")"
    )
    for name, total in result.totals.items():
        out().print(f"  {name}: {total:,}")
    if result.metadata:
        out().print(
            f"browse it: datasette {escape(str(result.path))} --metadata {escape(str(result.metadata))}"
        )


def show_corpus(result: CorpusResult, as_json: bool) -> None:
    from tracker.present.json import corpus_json

    if as_json:
        print_json(corpus_json(result))
        return
    out().print(
        f"[green]wrote[/] {counted(result.services, 'service')} to {escape(str(result.out))}"
        f" ({counted(result.documents, 'document')}, {result.engine} engine, "
        f"{counted(result.workers, 'worker')}, {result.seconds:.1f} s)"
        + (f"; {result.skipped_services} already written" if result.skipped_services else "")
    )
    for name, total in result.rows.items():
        out().print(f"  {name}: {total:,}")
