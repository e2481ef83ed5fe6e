"""Seed the fuzzing corpus: the five seed policies and every version of the OTA sample,
plus slices of them so the fuzzer starts from small inputs too."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "archive" / "samples"


def main(target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    texts = [path.read_bytes() for path in sorted(SAMPLES.glob("0*.txt"))]
    with tempfile.TemporaryDirectory() as folder:
        clone = Path(folder) / "ota"
        subprocess.run(
            ["git", "clone", "-q", str(SAMPLES / "ota" / "pga-privacy-sample.bundle"), str(clone)],
            check=True,
        )
        for path in sorted(clone.glob("*/*.md")):
            log = subprocess.run(
                ["git", "-C", str(clone), "log", "--format=%H", "--", str(path.relative_to(clone))],
                capture_output=True,
                text=True,
                check=True,
            )
            for commit in log.stdout.split()[:5]:
                show = subprocess.run(
                    ["git", "-C", str(clone), "show", f"{commit}:{path.relative_to(clone)}"],
                    capture_output=True,
                    check=True,
                )
                texts.append(show.stdout)
    for number, text in enumerate(texts):
        (target / f"full-{number:03d}").write_bytes(text[:20000])
        for start in range(0, min(len(text), 12000), 3000):
            (target / f"slice-{number:03d}-{start}").write_bytes(text[start : start + 1500])


if __name__ == "__main__":
    main(Path(sys.argv[1]))
