"""`tracker demo`: the quick start, an archive of the bundled samples and its report."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from tracker.app.adding import AddOutcome, add_sources
from tracker.store.archive import MARKER, Archive, init_archive


@dataclass(frozen=True)
class DemoResult:
    archive: Path
    added: AddOutcome
    imported: int = 0
    reports: tuple[Path, ...] = field(default_factory=tuple)


def sample_files() -> list[Path]:
    folder = resources.files("tracker.samples")
    return sorted(Path(str(entry)) for entry in folder.iterdir() if entry.name.endswith(".txt"))


def build_demo(path: Path) -> DemoResult:
    """The archive of the samples; the CLI then writes its reports (`present.reporting`)."""
    archive = Archive(path) if (path / MARKER).is_file() else init_archive(path)
    added = add_sources(archive, [str(file) for file in sample_files()])
    imported = _import_ota_sample(archive)
    return DemoResult(path, added, imported)


def _import_ota_sample(archive: Archive) -> int:
    """The bundled Open Terms Archive history (ODC-By, Platform Governance Archive), cloned and imported."""
    import tempfile

    from tracker.app.ota import import_ota
    from tracker.store.git import git_output

    bundle = Path(str(resources.files("tracker.samples.ota").joinpath("pga-privacy-sample.bundle")))
    with tempfile.TemporaryDirectory() as folder:
        clone = Path(folder) / "pga-sample"
        git_output(Path(folder), ["clone", "-q", str(bundle), str(clone)])
        return import_ota(archive, clone).added
