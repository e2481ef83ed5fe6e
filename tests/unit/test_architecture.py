"""The layers hold (import-linter, as configured in pyproject.toml) and no module mixes jobs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

MAX_LINES = 500


def test_each_layer_imports_only_the_layers_below_it():
    linter = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run(
        [str(linter), "--config", str(ROOT / "pyproject.toml")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_no_module_is_over_500_lines():
    long = [
        f"{path.relative_to(ROOT)}: {count}"
        for path in sorted((ROOT / "tracker").rglob("*.py"))
        if (count := len(path.read_text().splitlines())) > MAX_LINES
    ]
    assert long == []
