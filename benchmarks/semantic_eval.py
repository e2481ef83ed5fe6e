"""Does the `wordllama` embedding model help? Missed renames and section topics, measured.

Alignment: each removed x added pair of sections left by `compare` (the Mesosphere seed pair and
every consecutive version pair of the bundled OTA sample) is a candidate missed rename; labels
read by hand mark six as the same section reworded, three as one part of a split or merge. It
prints how word similarity (what `compare` uses) and embedding cosine separate them.
Topics: agreement with readers (tests/unit/test_topics_seeds.py, tests/data/topics_heldout.json) of
the lexicon, of the embedding alone (nearest OPP-115 category description), and of the lexicon
falling back to the embedding when its share is low.

Run: pip install wordllama && python benchmarks/semantic_eval.py   (offline; about 10 s)

Last run (wordllama 0.4.0.post1): 85 candidates from 56 comparisons, 6 true, 3 partial, 76 other.
Other candidates at or above the lowest true one: word 47/76, word+title 40/76, embedding 17/76;
no cut keeps more than 2/6 true (word+title) or 1/6 (word, embedding) with no other; one-to-one
best-first from the lowest true: word 2 true, 5 other; embedding 5 true, 3 other. Topics,
held-out (seeds): lexicon 55/68 (49/50), embedding alone 49/68 (33/50), fallback at share <= 0.4
55/68 (47/50); no fallback share beats the lexicon alone.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from itertools import product
from pathlib import Path

import numpy as np
import wordllama
from wordllama import WordLlama

from tracker.analysis.compare import compare, sections_with_preamble, similarity
from tracker.analysis.compare.units import _subtree_text
from tracker.analysis.ingest import ingest_bytes
from tracker.analysis.meaning import classify_topic
from tracker.analysis.sections import parse_document
from tracker.app.demo import build_demo
from tracker.model import Document, Section

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "archive" / "samples"
BUNDLE = SAMPLES / "ota" / "pga-privacy-sample.bundle"
HELDOUT = ROOT / "tests" / "data" / "topics_heldout.json"
SEED_TESTS = ROOT / "tests" / "unit" / "test_topics_seeds.py"
SEEDS = sorted(SAMPLES.glob("0*.txt"))
TRACKER = [sys.executable, "-m", "tracker"]

TRUE_RENAMES = {  # (old title, new title): the same section reworded under a new title
    ("Information We Collect", "Personal Information We Collect"),  # BeReal, both cite Section 1
    ("Use of Personal Information", "How We Use Personal Information"),  # BeReal, Section 2
    ("Sharing Personal Information", "Disclosure of Personal Information"),  # BeReal
    ("Your Rights and Choices", "Your U.S. Privacy Rights"),  # BeReal, the list of rights
    ("How We Protect Your Information", "How We Secure and Store Your Information"),  # Quora
    ("Changes to Our Privacy Policy", "Privacy Policy Updates"),  # Quora
}
PARTIAL = {  # one part of a split or merge: a real link, not the section's successor
    ("Sharing Personal Information", "Sale, Sharing and Targeted Advertising"),
    ("Your Rights and Choices", "How to Exercise Your Rights"),
    ("Retention of Your Data", "How We Secure and Store Your Information"),
}
DESCRIPTIONS = {  # written from the OPP-115 category definitions (Wilson et al. 2016)
    "first_party_collection": "Information we collect about you and how we use it: data you provide, data collected automatically, cookies, device and usage information, purposes of processing.",
    "third_party_sharing": "How we share or disclose your personal information with third parties, service providers, affiliates, advertisers, law enforcement, or in a merger or sale of the business.",
    "user_choice": "Your choices and controls: opt out of marketing emails, unsubscribe, privacy settings, consent, cookie preferences, disable tracking.",
    "user_access": "Your rights to access, correct, update, delete or export your personal data, and how to make a request to exercise these rights.",
    "data_retention": "How long we keep and retain your personal information, retention periods, and when we delete it.",
    "data_security": "How we protect and secure your information with safeguards, encryption and security measures against unauthorized access or breaches.",
    "policy_change": "Changes and updates to this privacy policy, how we notify you of revisions, and the effective date.",
    "do_not_track": "Do Not Track browser signals and how we respond to them.",
    "specific_audiences": "Children under 13 and parents, California residents, European Economic Area users, and international data transfers to other countries.",
    "contact": "How to contact us with questions or concerns about this privacy policy: email address, postal address, data protection officer.",
    "other": "Introduction, scope of this privacy policy, definitions, who we are, and general information.",
}
LABELS = dict.fromkeys(TRUE_RENAMES, "true") | dict.fromkeys(PARTIAL, "partial")
LABEL_NAMES = ("true", "partial", "other")
FALLBACK_SHARES = (0.0, 0.3, 0.4, 0.5, 0.6)
Labelled = list[tuple[str, str, set[str]]]  # (title, text, the topics a reader accepts)


def load_model() -> WordLlama:
    """0.4.0.post1 ships its tokenizer where plain load() does not look, so it would download."""
    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


def cosine(model: WordLlama, a: str, b: str) -> float:
    first, second = model.embed([a, b], norm=True)
    return float(first @ second)


def git(folder: Path, *args: str) -> bytes:
    return subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True).stdout


def read(data: bytes, name: str, is_html: bool | None = None) -> Document:
    return parse_document(ingest_bytes(data, name=name, is_html=is_html).text)


def comparisons(ota: Path) -> Iterator[tuple[str, Document, Document]]:
    yield "mesosphere seeds 000->001", *(read(p.read_bytes(), p.name) for p in SEEDS[:2])
    for name in sorted(git(ota, "ls-files").decode().splitlines()):
        shas = git(ota, "log", "--reverse", "--format=%H", "--", name).decode().split()
        docs = [read(git(ota, "show", f"{sha}:{name}"), name, is_html=False) for sha in shas]
        for i in range(1, len(shas)):
            yield f"{name.split('/')[0]} {shas[i - 1][:8]}->{shas[i][:8]}", docs[i - 1], docs[i]


def body(document: Document, section: Section) -> str:
    """The text `compare` aligns: a heading with no text of its own stands for its subtree."""
    sections = sections_with_preamble(document)
    index = [s.id for s in sections].index(section.id)
    return section.text if section.text.strip() else _subtree_text(sections, index)


def candidates(model: WordLlama, pairs: list[tuple[str, Document, Document]]) -> list[dict]:
    found = []
    for label, old, new in pairs:
        changes = compare(old, new, words=False).changes
        removed = [c.old[0] for c in changes if c.kind == "removed"]
        for r, a in product(removed, [c.new[0] for c in changes if c.kind == "added"]):
            before, after = body(old, r), body(new, a)
            titled = f"{r.title}\n{before}", f"{a.title}\n{after}"
            found.append(
                {
                    "pair": label,
                    "titles": (r.title, a.title),
                    "label": LABELS.get((r.title, a.title), "other"),
                    "word": round(similarity(before, after), 3),
                    "word+title": round(similarity(*titled), 3),
                    "embedding": round(cosine(model, *titled), 3),
                }
            )
    return found


def separation(found: list[dict], metric: str) -> None:
    values = {k: sorted(c[metric] for c in found if c["label"] == k) for k in LABEL_NAMES}
    true, other = values["true"], values["other"]
    lowest = true[0]
    cut = max(  # the highest of the cuts that best split true from other
        sorted(set(true + other), reverse=True),
        key=lambda t: sum(x >= t for x in true) - sum(x >= t for x in other),
    )
    taken, kept = set(), []  # one-to-one, best first, within each comparison
    for c in sorted(found, key=lambda c: -c[metric]):
        ends = {(c["pair"], "old", c["titles"][0]), (c["pair"], "new", c["titles"][1])}
        if not ends & taken and c[metric] >= lowest:
            taken |= ends
            kept.append(c["label"])
    print(f"{metric:11} true {true}  partial {values['partial']}")
    print(
        f"{'':11} other: median {other[len(other) // 2]}, top {other[-3:]}, "
        f"{sum(x >= lowest for x in other)}/{len(other)} >= lowest true; best cut {cut}: "
        f"{sum(x >= cut for x in true)}/{len(true)} true, {sum(x >= cut for x in other)} other"
    )
    print(
        f"{'':11} one-to-one best-first >= {lowest}: "
        + ", ".join(f"{kept.count(k)} {k}" for k in LABEL_NAMES)
    )


def seed_sections() -> Labelled:
    """The seed sections a reader labelled, with READER_LABELS read without importing pytest."""
    tree = ast.parse(SEED_TESTS.read_text())
    assigned = {
        getattr(n.targets[0], "id", ""): n.value for n in tree.body if isinstance(n, ast.Assign)
    }
    sections = {}
    for path in SEEDS:
        for s in read(path.read_bytes(), path.name).sections:
            sections.setdefault((path.name[:3], s.title), s)
    labels = ast.literal_eval(assigned["READER_LABELS"])
    return [(title, sections[(key, title)].text, {topic}) for key, title, topic in labels]


def heldout_sections(archive: Path) -> Labelled:
    """The held-out sections, read as tests/unit/test_meaning_heldout.py reads them."""
    labels, texts = json.loads(HELDOUT.read_text()), {}
    env = {k: v for k, v in os.environ.items() if k != "TRACKER_ARCHIVE"} | {"NO_COLOR": "1"}
    for policy in sorted({row["policy"] for row in labels}):
        args = [*TRACKER, "show", policy, "--sections", "--json", "--archive", archive]
        shown = subprocess.run(args, check=True, capture_output=True, env=env).stdout
        for s in json.loads(shown)["sections"]:
            texts[(policy, s["id"])] = (s["title"], s["text"])
    return [(*texts[(r["policy"], r["id"])], {r["topic"], r["also"]} - {None}) for r in labels]


def embedding_topics(model: WordLlama, items: Labelled) -> list[str]:
    """The description nearest the mean of the title+text and title embeddings (better on seeds)."""
    vectors = model.embed([f"{t}\n{x}" for t, x, _ in items], norm=True)
    vectors += model.embed([t for t, _, _ in items], norm=True)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    nearest = np.argmax(vectors @ model.embed(list(DESCRIPTIONS.values()), norm=True).T, axis=1)
    return [list(DESCRIPTIONS)[i] for i in nearest]


def topic_agreement(model: WordLlama, name: str, items: Labelled) -> None:
    def score(predicted: list[str]) -> str:
        right = sum(p in gold for p, (_, _, gold) in zip(predicted, items, strict=True))
        return f"{right}/{len(items)}"

    lexicon = [classify_topic(title, text)[:2] for title, text, _ in items]
    embedded = embedding_topics(model, items)
    print(f"{name}: lexicon {score([t for t, _ in lexicon])}, embedding alone {score(embedded)}")
    for limit in FALLBACK_SHARES:
        chosen = [e if s <= limit else t for (t, s), e in zip(lexicon, embedded, strict=True)]
        fell = sum(s <= limit for _, s in lexicon)
        print(f"  lexicon, embedding when its share <= {limit}: {score(chosen)} ({fell} fell back)")


def main() -> None:
    model = load_model()
    with tempfile.TemporaryDirectory() as folder:
        ota = Path(folder) / "ota"
        git(Path(folder), "clone", "-q", str(BUNDLE), str(ota))
        pairs = list(comparisons(ota))
        build_demo(Path(folder) / "demo")
        heldout = heldout_sections(Path(folder) / "demo")
    found = candidates(model, pairs)
    print(f"Alignment: {len(found)} removed x added candidates from {len(pairs)} comparisons")
    for c in found:
        scores = f"word {c['word']:.3f}  emb {c['embedding']:.3f}"
        print(f"  {c['pair']:26} {c['label']:7} {scores}  {c['titles'][0]} -> {c['titles'][1]}")
    labels = [c["label"] for c in found]
    print(
        f"missed renames judged true: {labels.count('true')} of the {len(TRUE_RENAMES)} labelled "
        f"(partial {labels.count('partial')} of {len(PARTIAL)}, other {labels.count('other')})"
    )
    for metric in ("word", "word+title", "embedding"):
        separation(found, metric)
    print("\nTopics")
    topic_agreement(model, "seeds", seed_sections())
    topic_agreement(model, "held-out", heldout)


if __name__ == "__main__":
    main()
