"""Importing Open Terms Archive histories, against `git log -p` over the same repository.

Two repositories: the bundled sample (59 versions of 4 policies) and a synthetic
OTA-shaped repository of 2,000 versions (20 services, 100 versions each).

Run: python benchmarks/bench_import.py [--versions 2000]
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
import time
from pathlib import Path

from common import median_seconds, report, tracker_command
from synthetic import history

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "archive" / "samples" / "ota" / "pga-privacy-sample.bundle"


def synthetic_ota(folder: Path, versions: int, services: int = 20) -> Path:
    """An OTA-shaped repository built with one fast-import stream (dates one day apart)."""
    repository = folder / "synthetic-versions"
    subprocess.run(["git", "init", "-q", "-b", "main", str(repository)], check=True)
    per_service = versions // services
    texts = history(per_service, 20)
    stream, start = [], 1_600_000_000
    for step in range(per_service):
        for service in range(services):
            text = texts[step].replace("Example", f"Service{service}").encode()
            subject = (
                "First record of" if step == 0 else "Record new changes of"
            ) + f" Service{service} Privacy Policy"
            message = f"{subject}\n\nThis version was recorded after extracting from snapshot https://example.invalid/{step}/{service}\n".encode()
            stamp = start + (step * services + service) * 3600
            stream += [b"commit refs/heads/main\n", f"committer OTA <bot@example.invalid> {stamp} +0000\n".encode(),
                       b"data %d\n" % len(message), message, b"\n",
                       f'M 100644 inline "Service{service}/Privacy Policy.md"\n'.encode(), b"data %d\n" % len(text), text, b"\n"]  # fmt: skip
    subprocess.run(
        ["git", "-C", str(repository), "fast-import", "--quiet"], input=b"".join(stream), check=True
    )
    subprocess.run(["git", "-C", str(repository), "checkout", "-q", "main"], check=True)
    return repository


def timed_import(repository: Path, folder: Path, name: str) -> tuple[float, int]:
    archive = folder / f"archive-{name}"
    subprocess.run(tracker_command("init", str(archive)), check=True, capture_output=True)
    start = time.perf_counter()
    result = subprocess.run(
        tracker_command("import", "ota", str(repository), "--archive", str(archive), "--json"),
        check=True,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    import json

    added = json.loads(result.stdout)["added"]
    again = time.perf_counter()
    subprocess.run(
        tracker_command("import", "ota", str(repository), "--archive", str(archive)),
        check=True,
        capture_output=True,
    )
    print(
        f"   {name}: {added} versions in {seconds:.2f} s = {added / seconds:.0f} versions/s; re-import (adds nothing) {time.perf_counter() - again:.2f} s"
    )
    return seconds, added


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--versions", type=int, default=2000)
    versions = parser.parse_args().versions
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        sample = folder / "pga-sample"
        subprocess.run(["git", "clone", "-q", str(BUNDLE), str(sample)], check=True)
        log_p = median_seconds(
            lambda: subprocess.run(
                ["git", "-C", str(sample), "log", "-p"], capture_output=True, check=True
            ),
            5,
        )
        seconds, _ = timed_import(sample, folder, "sample")
        report(
            "import the OTA sample (59 versions)", seconds, "git log -p (same repository)", log_p
        )
        synthetic = synthetic_ota(folder, versions)
        log_p = median_seconds(
            lambda: subprocess.run(
                ["git", "-C", str(synthetic), "log", "-p"], capture_output=True, check=True
            ),
            3,
        )
        seconds, _ = timed_import(synthetic, folder, "synthetic")
        report(
            f"import a synthetic OTA repository ({versions} versions)",
            seconds,
            "git log -p (same repository)",
            log_p,
        )


if __name__ == "__main__":
    main()
