"""`add` and `import` compare the new steps once, so the log, timeline and TUI open cached."""

from __future__ import annotations

import itertools
from pathlib import Path

from conftest import SEEDS, run_tracker
from tracker.app import precompute
from tracker.history.history import History
from tracker.history.timeline import build_grid
from tracker.store.archive import Archive

POLICY = "acme/privacy"


def write_versions(folder: Path, count: int) -> Path:
    """`count` dated captures of one policy, each changing its retention and adding a section;
    named after the test's folder, so that no other test has cached their comparisons."""
    folder.mkdir()
    for number in range(count):
        sections = "".join(
            f"## Section {index}\n\nWe keep {folder.parent.name} records of kind {index} "
            f"for {index + number} months.\n\n"
            for index in range(number + 2)
        )
        text = f"# Acme Privacy Policy\n\nLast updated: March {number + 1}, 2024\n\n{sections}"
        (folder / f"2024-03-{number + 1:02d}.md").write_text(text)
    return folder


def add(archive: Path, folder: Path, *options: str):
    result = run_tracker(
        "add", str(folder), "--policy", POLICY, "--archive", str(archive), *options
    )
    assert result.code == 0, result.err
    return History(Archive(archive), POLICY)


def test_add_compares_every_new_step(archive, tmp_path):
    history = add(archive, write_versions(tmp_path / "captures", 4))
    assert len(history.versions) == 4
    assert history.uncached_steps() == []
    key = ":".join(version.sha256 for version in history.versions)
    assert not history.cache.has("log", key)  # made from the cached steps when first read


def test_no_compare_leaves_the_steps_to_the_first_reader(archive, tmp_path):
    history = add(archive, write_versions(tmp_path / "captures", 3), "--no-compare")
    assert history.uncached_steps() == [1, 2]
    for command in ("log", "timeline"):  # the log compares with words, the grid without
        assert run_tracker(command, POLICY, "--archive", str(archive)).code == 0
    assert History(Archive(archive), POLICY).uncached_steps() == []


def test_the_pool_gives_what_one_process_gives(archive, tmp_path, monkeypatch):
    history = add(archive, write_versions(tmp_path / "captures", 5), "--no-compare")
    alone = tmp_path / "cache-alone"
    monkeypatch.setenv("TRACKER_CACHE_DIR", str(alone))
    single = History(Archive(archive), POLICY)
    expected = (single.log_entries(), build_grid(single))

    monkeypatch.setenv("TRACKER_CACHE_DIR", str(tmp_path / "cache-pool"))
    monkeypatch.setattr(precompute, "PARALLEL_FROM_CHARACTERS", 0)  # the pool, on small texts
    seen: list[tuple[int, int | None]] = []
    steps = precompute.precompute(
        Archive(archive),
        [POLICY],
        workers=2,
        progress=lambda n, total=None: seen.append((n, total)),
    )
    assert steps == 4 and seen[0] == (0, 4) and sum(n for n, _ in seen) == 4
    pooled = History(Archive(archive), POLICY)
    assert pooled.uncached_steps() == []
    assert (pooled.log_entries(), build_grid(pooled)) == expected
    assert history.versions == pooled.versions


def test_nothing_to_compare_when_the_cache_is_off(archive, tmp_path, monkeypatch):
    add(archive, write_versions(tmp_path / "captures", 2), "--no-compare")
    monkeypatch.setenv("TRACKER_CACHE_DIR", "")
    assert precompute.precompute(Archive(archive), [POLICY]) == 0


def test_where_no_process_can_start_the_steps_are_compared_here(archive, tmp_path, monkeypatch):
    import concurrent.futures

    class NoProcesses(concurrent.futures.ProcessPoolExecutor):
        def submit(self, *args, **kwargs):
            raise OSError("processes are not allowed here")

    add(archive, write_versions(tmp_path / "captures", 3), "--no-compare")
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", NoProcesses)
    monkeypatch.setattr(precompute, "PARALLEL_FROM_CHARACTERS", 0)
    assert precompute.precompute(Archive(archive), [POLICY], workers=2) == 2
    assert History(Archive(archive), POLICY).uncached_steps() == []


MOVED_AND_SPLIT = (
    "# Policy\n\nLast updated: May 1, 2024\n\n## Sharing\n\nWe share data with processors. "
    "We never sell it.\n\n## Retention\n\nWe keep logs for 30 days.\n\n## Contact\n\nWrite to us.",
    "# Policy\n\nLast updated: June 1, 2024\n\n## Contact\n\nWrite to privacy@example.com.\n\n"
    "## Sharing with processors\n\nWe share data with processors.\n\n## Selling\n\nWe sell it "
    "to partners.\n\n## Retention\n\nWe keep logs for 90 days.",
)


def test_the_grid_read_off_a_comparison_with_words_is_the_one_made_without():
    from tracker.analysis.sections import parse_document
    from tracker.history.cache import encode
    from tracker.history.history import aligned, compare_documents

    pairs = [tuple(path.read_text() for path in pair) for pair in itertools.pairwise(SEEDS)]
    for old, new in [MOVED_AND_SPLIT, *pairs]:
        documents = parse_document(old), parse_document(new)
        with_words = compare_documents(*documents)
        assert encode(aligned(with_words)) == encode(compare_documents(*documents, words=False))
