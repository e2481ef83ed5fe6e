"""A plain `pip install .` ships every file the package reads (templates, styles, samples)."""

from __future__ import annotations

import fnmatch
import tomllib

from conftest import ROOT


def test_every_data_file_is_declared_as_package_data():
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    package_dirs = setuptools.get("package-dir", {})
    missing = []
    for package in setuptools["packages"]:
        folder = ROOT / package_dirs.get(package, package.replace(".", "/"))
        patterns = setuptools["package-data"].get(package, [])
        missing += [
            str(path.relative_to(ROOT))
            for path in folder.iterdir()
            if path.is_file()
            and path.suffix not in (".py", ".pyc")
            and not any(fnmatch.fnmatch(path.name, pattern) for pattern in patterns)
        ]
    assert missing == []
