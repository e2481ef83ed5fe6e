"""The changelog report: what changed, when, and why it matters, as Markdown, HTML or JSON.

One model (`Report`) is built from the archive, then rendered by Jinja2 templates
(`templates/report.html.j2`, `templates/report.md.j2`) or serialised to JSON that
reuses the diff shapes and validates against `schemas/report.json`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from tracker import __version__
from tracker.analysis.doctype import named_first
from tracker.analysis.meaning import anachronisms, extract_facts, fact_order
from tracker.history.history import History
from tracker.model import Change, Comparison, DocumentType, FactChange, Version, WordOp
from tracker.present.console import json_text, safe
from tracker.present.json import comparison_json, version_json
from tracker.present.wording import (
    caveat_message,
    comparison_summary,
    counted,
    describe,
    elided,
    flag_words,
    reason,
    redline_ops,
    seen_words,
)
from tracker.store.archive import Archive


@dataclass(frozen=True)
class Step:
    """One version and what changed since the version before it (None for the first)."""

    number: int
    version: Version
    comparison: Comparison | None
    summary: str
    flags: tuple[str, ...]
    baseline: bool = False
    warnings: tuple[str, ...] = ()  # what to know before trusting the comparison
    date_flags: tuple[str, ...] = ()  # what its dates and sightings say (VersionFlag values)

    @property
    def sightings(self) -> str:
        return seen_words(self.version)

    @property
    def date_notes(self) -> str:
        return flag_words(self.date_flags)

    @property
    def substantive(self) -> list[Change]:
        return [change for change in self._changes if change.significance == "substantive"]

    @property
    def minor(self) -> list[Change]:
        return [change for change in self._changes if change.significance == "minor"]

    @property
    def cosmetic(self) -> list[Change]:
        return [change for change in self._changes if change.significance == "cosmetic"]

    @property
    def _changes(self) -> list[Change]:
        return list(self.comparison.changes) if self.comparison else []


@dataclass(frozen=True)
class PolicyReport:
    policy: str
    steps: tuple[Step, ...]
    document_type: DocumentType = DocumentType.OTHER

    @property
    def anchor(self) -> str:
        return "policy-" + self.policy.replace("/", "-")


@dataclass(frozen=True)
class Highlight:
    """One fact change worth reading first: where, when, what, and how much it matters."""

    policy: str
    step: Step
    fact: FactChange
    significance: str
    section: str | None

    @property
    def anchor(self) -> str:
        return f"policy-{self.policy.replace('/', '-')}-v{self.step.number}"


@dataclass(frozen=True)
class Report:
    generated_at: str
    archive: str
    since: dt.date | None
    policies: tuple[PolicyReport, ...]
    tool_version: str = __version__

    @property
    def highlights(self) -> list[Highlight]:
        """Every document-level fact change, the most consequential first; one a policy made
        more than once (a page flipping between two captures) only the last time, so the
        story ends as the policy does."""
        found, seen = [], set()
        for policy in self.policies:
            for step in reversed(policy.steps):
                if not step.comparison or step.baseline:
                    continue
                for fact in step.comparison.facts:
                    again = (policy.policy, fact.type, fact.change, fact.old_value, fact.new_value)
                    if again not in seen:
                        seen.add(again)
                        found.append(_highlight(policy.policy, step, fact))
        return sorted(found, key=_highlight_rank)


HIGHLIGHTS_SHOWN = 20  # in Markdown and HTML; JSON lists them all
SIGHTINGS_SHOWN = 20  # flagged versions listed in a policy's "Dates and sightings" part
LISTED_OPEN = 12  # in HTML, longer lists of versions start folded
_CHANGE_ORDER = {"changed": 0, "removed": 1, "added": 2}
_SIGNIFICANCE_ORDER = {"substantive": 0, "minor": 1, "cosmetic": 2}


def _highlight(policy: str, step: Step, fact: FactChange) -> Highlight:
    """The fact with the section change that carries it (its significance and title)."""
    for change in step.comparison.changes if step.comparison else ():
        if any(_same_fact(fact, carried) for carried in change.facts):
            sections = change.new or change.old
            return Highlight(policy, step, fact, change.significance, sections[0].title)
    return Highlight(policy, step, fact, "substantive", None)


def _same_fact(first: FactChange, second: FactChange) -> bool:
    return (first.type, first.old_value, first.new_value) == (
        second.type,
        second.old_value,
        second.new_value,
    )


def _highlight_rank(highlight: Highlight) -> tuple:
    """Consequential facts first; those of an extraction change (maybe the capture's, not
    the policy's) after every other, so they cannot crowd out real changes."""
    return (
        highlight.step.version.source.extraction_change,
        fact_order(highlight.fact.type),
        _CHANGE_ORDER.get(highlight.fact.change, 3),
        _SIGNIFICANCE_ORDER.get(highlight.significance, 3),
        -highlight.step.version.effective.value.toordinal(),
        highlight.policy,
    )


def build_report(
    archive: Archive, policies: list[str], since: dt.date | None = None, progress=None
) -> Report:
    chosen = policies or [summary.policy for summary in archive.policies()]
    reports = []
    for policy in chosen:
        reports.append(_policy_report(History(archive, policy), since))
        if progress:
            progress()
    generated = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    return Report(generated, str(archive.path), since, tuple(reports))


def _policy_report(history: History, since: dt.date | None) -> PolicyReport:
    """Every version since `since`, led by the version in force then (the baseline)."""
    first = 0
    if since:
        later = [
            index
            for index, version in enumerate(history.versions)
            if version.effective.value >= since
        ]
        first = max(0, later[0] - 1) if later else len(history.versions) - 1
    steps = []
    date_flags = [entry.flags for entry in history.log_entries()]
    for index in range(first, len(history.versions)):
        version = history.versions[index]
        comparison = history.step(index) if index > first else None
        summary = (
            comparison_summary(comparison) if comparison else _first_summary(history, index, since)
        )
        document = history.document(index)
        facts = tuple(
            fact
            for section in document.sections
            for fact in extract_facts(section.text, section.title, document.document_type)
        )
        flags = tuple(anachronisms(facts, version.effective.value))
        baseline = since is not None and version.effective.value < since
        warnings = tuple(caveat_message(c) for c in comparison.caveats) if comparison else ()
        steps.append(
            Step(
                index + 1, version, comparison, summary, flags, baseline, warnings,
                date_flags[index],
            )
        )  # fmt: skip
    latest = history.document(len(history.versions) - 1) if history.versions else None
    kind = named_first(latest.document_type if latest else DocumentType.OTHER, history.policy)
    return PolicyReport(history.policy, tuple(steps), kind)


def _first_summary(history: History, index: int, since: dt.date | None) -> str:
    sections = len(history.document(index).sections)
    if since and history.versions[index].effective.value < since:
        return f"the version in force on {since.isoformat()} ({counted(sections, 'section')}), the baseline for what follows"
    return f"first version in the archive ({counted(sections, 'section')})"


# Rendering


def render(report: Report, fmt: str) -> str:
    """The report as `fmt`. Markdown and HTML are made `safe` whole: a policy's escape
    sequences stay inert when the report is printed to a terminal. JSON carries text exactly."""
    if fmt == "json":
        return json_text(report_json(report)) + "\n"
    template = _environment(fmt).get_template(f"report.{fmt}.j2")
    return safe(
        template.render(
            report=report,
            describe=describe,
            reason=reason,
            highlights_shown=HIGHLIGHTS_SHOWN,
            sightings_shown=SIGHTINGS_SHOWN,
            listed_open=LISTED_OPEN,
        )
    )


@cache
def _environment(fmt: str):
    from jinja2 import Environment, PackageLoader, StrictUndefined

    environment = Environment(
        loader=PackageLoader("tracker.present", "templates"),
        autoescape=fmt == "html",
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["md"] = markdown_escape
    environment.filters["md_cell"] = lambda text: (
        markdown_escape(text).replace("|", "\\|").replace("\n", " ")
    )
    environment.filters["md_words"] = markdown_word_diff
    environment.filters["md_code"] = markdown_code
    environment.filters["md_link"] = markdown_link
    environment.filters["href"] = web_href
    environment.filters["titles"] = lambda sections: " + ".join(
        section.title for section in sections
    )
    environment.filters["excerpt"] = _excerpt
    environment.filters["elide_html"] = _elide_html
    environment.filters["redline_ops"] = redline_ops
    environment.filters["slug"] = lambda text: re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    environment.filters["heading_anchor"] = heading_anchor
    environment.tests["web_address"] = lambda url: bool(re.match(r"https?://", url or "", re.I))
    # Our own stylesheet, inserted verbatim: escaping would turn `>` and quotes into entities,
    # which browsers do not decode inside <style>, silently dropping those rules.
    environment.globals["css"] = Markup(
        resources.files("tracker.present.templates").joinpath("report.css").read_text()
    )
    return environment


def heading_anchor(heading: str) -> str:
    """The anchor GitHub gives a Markdown heading: `mesosphere/privacy` -> `mesosphereprivacy`."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<#|~!])")


def markdown_escape(text: str) -> str:
    """Policy text shown literally in Markdown: no accidental emphasis, links, headings or HTML."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def markdown_code(text: str) -> str:
    """`text` as a Markdown code span it cannot close, however many backticks it holds."""
    text = " ".join(str(text).split())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


# What a URL may hold raw (RFC 3986 reserved and unreserved characters, and `%`); quote()
# percent-encodes the rest: `"`, `<`, `>`, spaces, backslashes, backticks, non-ASCII.
_URL_SAFE = "!#$%&'()*+,/:;=?@[]~"


def web_href(url: str) -> str:
    """A web address made a valid URL: nothing in it can close an attribute, a Markdown
    autolink or open a tag (`https://x/"><img src=...>` becomes `https://x/%22%3E%3Cimg...`)."""
    return quote(str(url), safe=_URL_SAFE)


def markdown_link(url: str) -> str:
    """A provenance URL in Markdown: a web address as an autolink of its `web_href` (so it
    cannot end early and let raw HTML in); anything else as escaped text, never a link."""
    if re.match(r"https?://", str(url), re.I):
        return f"<{web_href(url)}>"
    return markdown_escape(url)


def markdown_word_diff(ops: tuple[WordOp, ...]) -> str:
    """`~~old~~ **new**` redlines, with long unchanged runs elided."""
    parts = []
    for op in ops:
        if op.op == "equal":
            parts.append(markdown_escape(elided(op.old)))
            continue
        if op.old.strip():
            parts.append(f"~~{markdown_escape(op.old)}~~")
        if op.new.strip():
            parts.append(f"**{markdown_escape(op.new)}**")
    return " ".join(part for part in parts if part)


def _elide_html(text: str) -> Markup:
    """Long unchanged text cut in the middle, the cut marked so no one takes it for policy text."""
    shortened = elided(text)
    if shortened == text:
        return escape(text)
    head, tail = shortened.split(" … ", 1)
    mark = Markup('<span class="elided" title="unchanged words left out"> […] </span>')
    return escape(head) + mark + escape(tail)


def _excerpt(text: str, words: int = 30) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def report_json(report: Report) -> dict[str, Any]:
    return {
        "generated_at": report.generated_at,
        "tool": {"name": "tracker", "version": report.tool_version},
        "archive": report.archive,
        "since": report.since.isoformat() if report.since else None,
        "highlights": [highlight_json(highlight) for highlight in report.highlights],
        "policies": [
            {
                "policy": policy.policy,
                "document_type": policy.document_type,
                "versions": [
                    {
                        "number": step.number,
                        **version_json(step.version),
                        "baseline": step.baseline,
                        "summary": step.summary,
                        "flags": list(step.flags),
                        "version_flags": list(step.date_flags),
                        "diff": comparison_json(step.comparison, words=True)
                        if step.comparison
                        else None,
                    }
                    for step in policy.steps
                ],
            }
            for policy in report.policies
        ],
    }


def highlight_json(highlight: Highlight) -> dict[str, Any]:
    fact = highlight.fact
    return {
        "policy": highlight.policy,
        "version": highlight.step.number,
        "date": highlight.step.version.effective.value.isoformat(),
        "type": fact.type,
        "change": fact.change,
        "old": fact.old_value,
        "new": fact.new_value,
        "significance": highlight.significance,
        "section": highlight.section,
        "description": describe(fact),
        "extraction_change": highlight.step.version.source.extraction_change,
    }


def schema() -> dict[str, Any]:
    return json.loads(
        resources.files("tracker.present.schemas").joinpath("report.json").read_text()
    )
