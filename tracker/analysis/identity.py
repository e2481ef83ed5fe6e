"""Which policy a snapshot belongs to: `ORG/DOC`, from its source and its words.

Signals, strongest first: the archived page's domain or URL, the document's
title, the domains of the e-mail and web addresses in the text, and the brand
name the text repeats. The document kind (`privacy`, `terms`, `cookies`) comes
from the phrases the text uses for itself.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlparse

from tracker import rules
from tracker.analysis.weights import CLEAR_LEAD, CLOSE_ENOUGH
from tracker.errors import InputError
from tracker.model import Ingested
from tracker.text import slugify

_KINDS: dict[str, str] = rules.load("identity")["kinds"]
_GENERIC_WORDS = rules.words("identity", "generic_words")
# Bounded like a host name (at most 253 characters): unbounded, a long `www.1www.1...` run
# took quadratic time.
_HOST = re.compile(r"(?:https?://|www\.|@)([a-z0-9.-]{1,253}\.[a-z]{2,63})", re.I)
_BRAND = re.compile(r"\b([A-Z][a-z]+[A-Za-z]*|[a-z]+[A-Z][A-Za-z]*)\b")
# Organisations whose addresses appear in other companies' policies (links, opt-outs).
_COMMON_ORGS = rules.words("identity", "common_orgs")


@dataclass(frozen=True)
class Identified:
    policy: str
    reason: str


def identify(
    ingested: Ingested,
    known_policies: list[str],
    latest_text: Callable[[str], str] | None = None,
) -> Identified:
    """The policy a snapshot belongs to, with the reason; unsure is an InputError.

    When the words alone do not say, a policy of the archive whose latest version the
    text clearly resembles is chosen (`latest_text` reads that version).
    """
    text = ingested.text
    org, org_reason = _organisation(ingested)
    kind = _kind(ingested.title_hint or "", text)
    if org and kind:
        return Identified(f"{org}/{kind}", f"{org_reason}; {kind} from its wording")
    candidates = [policy for policy in known_policies if not org or policy.startswith(org + "/")]
    if org and len(candidates) == 1:
        return Identified(candidates[0], f"{org_reason}; the archive's only {org} policy")
    hint = f" (organisation {org}?)" if org else ""
    if latest_text and candidates:
        match = closest_policy(text, [(policy, latest_text(policy)) for policy in candidates])
        if match:
            policy, shared = match
            others = _others_named(text, policy)
            if not others:
                return Identified(
                    policy, f"its words match {policy}'s latest version ({shared:.0%} shared)"
                )
            hint = (
                f" (its words match {policy} at {shared:.0%}, but it names "
                f"{', '.join(sorted(others))}, never {policy.split('/')[0]})"
            )
    raise InputError(
        f"cannot tell which policy this is{hint}; "
        "name it with --policy ORG/DOC, for example --policy acme/privacy"
    )


def _others_named(text: str, policy: str) -> set[str]:
    """Organisations whose web or e-mail addresses the text gives, when it never names the
    policy's own: a policy written from the same template is another company's."""
    org = policy.split("/")[0]
    spelled = r"[- ]?".join(map(re.escape, org.split("-")))  # open-ai: Open AI, OpenAI, open-ai
    if re.search(rf"\b{spelled}", text, re.I):
        return set()
    return {host for host in map(_org_from_host, _HOST.findall(text)) if host} - _COMMON_ORGS


def closest_policy(text: str, candidates: list[tuple[str, str]]) -> tuple[str, float] | None:
    """The candidate whose text shares the most vocabulary (Jaccard), when it clearly leads."""
    words = _vocabulary(text)
    scored = sorted(
        ((_jaccard(words, _vocabulary(other)), policy) for policy, other in candidates),
        reverse=True,
    )
    if not scored or scored[0][0] < CLOSE_ENOUGH:
        return None
    if len(scored) > 1 and scored[0][0] - scored[1][0] < CLEAR_LEAD:
        return None
    return scored[0][1], scored[0][0]


def _vocabulary(text: str) -> set[str]:
    return {word for word in re.findall(r"[a-z]{3,}", text.lower())}


def _jaccard(first: set[str], second: set[str]) -> float:
    return len(first & second) / max(1, len(first | second))


def _organisation(ingested: Ingested) -> tuple[str | None, str]:
    source = ingested.source
    for host, reason in (
        (source.domain, "organisation from the archived page's domain"),
        (urlparse(source.url).hostname if source.url else None, "organisation from the URL"),
    ):
        if host and _org_from_host(host):
            return _org_from_host(host), reason
    from_title = _org_from_title(ingested.title_hint or "")
    if from_title:
        return from_title, "organisation from the title"
    return _org_from_text(ingested.text)


def _org_from_host(host: str) -> str | None:
    """`www.mesosphere.com` -> `mesosphere`; an IP address or a one-label host names no one."""
    if re.fullmatch(r"[\d.]+|\[?[0-9a-f:]+\]?", host.lower()):
        return None
    labels = [label for label in host.lower().split(".") if label not in ("www", "m", "")]
    if len(labels) < 2:
        return None
    second_level = (
        labels[-3]
        if labels[-2] in ("co", "com", "org", "net", "ac") and len(labels) > 2
        else labels[-2]
    )
    return slugify(second_level) or None


def _org_from_title(title: str) -> str | None:
    words = [word for word in re.findall(r"[\w'’]+", title) if word.lower() not in _GENERIC_WORDS]
    if (
        len(words) == 1 and len(words[0]) > 2 and words[0][0].isupper()
    ):  # a name, not `What we keep`
        return slugify(words[0])
    return None


def _org_from_text(text: str) -> tuple[str | None, str]:
    hosts = Counter(_org_from_host(host) for host in _HOST.findall(text))
    for ignored in (None, *_COMMON_ORGS):
        hosts.pop(ignored, None)
    brands = Counter(
        word
        for word in _BRAND.findall(text)
        if word.lower() not in _GENERIC_WORDS and not word.isupper()
    )
    brand_slugs = Counter({slugify(word): count for word, count in brands.items()})
    for org, count in hosts.most_common(3):
        if brand_slugs.get(org, 0) + count >= 2:
            return org, f"organisation {org} named in its addresses and text"
    ranked = brands.most_common(2)
    if ranked and ranked[0][1] >= 5 and (len(ranked) == 1 or ranked[0][1] >= 1.5 * ranked[1][1]):
        return slugify(ranked[0][0]), f"organisation {ranked[0][0]} named {ranked[0][1]} times"
    return None, ""


def _kind(title: str, text: str) -> str | None:
    counts = Counter(
        {
            kind: len(re.findall(pattern, title, re.I)) * 10
            + len(re.findall(pattern, text[:20000], re.I))
            for kind, pattern in _KINDS.items()
        }
    )
    (best, count), *rest = counts.most_common()
    if count == 0 or (rest and rest[0][1] == count):
        return "privacy" if re.search(r"\bprivacy\b", title, re.I) else None
    return best
