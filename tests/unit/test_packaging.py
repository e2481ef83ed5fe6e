"""A plain `pip install .` ships every file the package reads (templates, styles, samples)."""

from __future__ import annotations

import fnmatch
import tomllib

from conftest import ROOT


def test_every_data_file_is_declared_as_package_data():
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    package_dirs = setuptools.get("package-dir", {})
    folders = {
        package: ROOT / package_dirs.get(package, package.replace(".", "/"))
        for package in setuptools["packages"]
    }
    missing = []
    for package, folder in folders.items():
        patterns = setuptools["package-data"].get(package, [])
        inner = [
            other for other in folders.values() if other != folder and other.is_relative_to(folder)
        ]
        missing += [
            str(path.relative_to(ROOT))
            for path in folder.rglob("*")  # data in folders too: `rules/fr/dates.toml`
            if path.is_file()
            and path.suffix not in (".py", ".pyc")
            and "__pycache__" not in path.parts
            and not any(path.is_relative_to(other) for other in inner)
            and not any(
                fnmatch.fnmatch(str(path.relative_to(folder)), pattern) for pattern in patterns
            )
        ]
    assert missing == []
