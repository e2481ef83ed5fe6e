"""Deterministic synthetic policy histories built from the seed policies' own paragraphs.

Each version edits the previous one the way real policies change: a few words
reworded in one to three sections, now and then a section added, removed,
renamed or moved, rarely a date line updated.
"""

from __future__ import annotations

import random
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "archive" / "samples"
TOPICS = [
    "Information We Collect", "How We Use Information", "Sharing With Third Parties", "Cookies",
    "Data Retention", "Security", "Your Rights", "Children", "International Transfers",
    "Changes To This Policy", "Contact Us", "Do Not Track", "California Residents", "Advertising",
]  # fmt: skip


def seed_paragraphs() -> list[str]:
    paragraphs = []
    for path in sorted(SAMPLES.glob("0*.txt")):
        for block in path.read_text().split("\n\n"):
            block = " ".join(block.split())
            if len(block.split()) >= 25 and not block.startswith(("#", ">", "*", "|")):
                paragraphs.append(block)
    return paragraphs


def policy(size_kb: int, rng: random.Random) -> list[tuple[str, list[str]]]:
    """Sections of (title, paragraphs) adding up to about `size_kb` kilobytes."""
    pool = seed_paragraphs()
    sections, size, number = [], 0, 0
    while size < size_kb * 1024:
        title = f"{TOPICS[number % len(TOPICS)]} {number // len(TOPICS) + 1}"
        body = [rng.choice(pool) for _ in range(rng.randint(2, 5))]
        sections.append((title, body))
        size += sum(len(paragraph) for paragraph in body) + len(title)
        number += 1
    return sections


def evolve(
    sections: list[tuple[str, list[str]]], rng: random.Random
) -> list[tuple[str, list[str]]]:
    sections = [(title, list(body)) for title, body in sections]
    for _ in range(rng.randint(1, 3)):
        index = rng.randrange(len(sections))
        _, body = sections[index]
        paragraph = rng.randrange(len(body))
        words = body[paragraph].split()
        position = rng.randrange(len(words))
        words[position] = rng.choice(["may", "will", "shall", "might", "can", "must", "never"])
        body[paragraph] = " ".join(words)
    roll = rng.random()
    if roll < 0.05:
        sections.insert(
            rng.randrange(len(sections)),
            (f"New Section {rng.randrange(10**6)}", [rng.choice(seed_paragraphs())]),
        )
    elif roll < 0.08 and len(sections) > 3:
        sections.pop(rng.randrange(len(sections)))
    elif roll < 0.11:
        index = rng.randrange(len(sections))
        sections[index] = (sections[index][0] + " and More", sections[index][1])
    elif roll < 0.13:
        moved = sections.pop(rng.randrange(len(sections)))
        sections.insert(rng.randrange(len(sections) + 1), moved)
    return sections


def render(sections: list[tuple[str, list[str]]], version: int) -> str:
    parts = [
        f"# Example Privacy Policy\n\nLast updated: January {version % 28 + 1}, {2000 + version // 28}\n"
    ]
    for title, body in sections:
        parts.append(f"## {title}\n\n" + "\n\n".join(body) + "\n")
    return "\n".join(parts)


def history(versions: int, size_kb: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    sections = policy(size_kb, rng)
    texts = []
    for version in range(versions):
        texts.append(render(sections, version))
        sections = evolve(sections, rng)
    return texts


def write_history(folder: Path, versions: int, size_kb: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, text in enumerate(history(versions, size_kb)):
        path = folder / f"v{number:04d}.md"
        path.write_text(text)
        paths.append(path)
    return paths
