"""Outputs that appear whole or not at all.

Each document's files are written to hidden temporary names in the output folder, then
renamed into place only after verification passed. On any failure, or an interrupt, the
temporary files are removed, so nothing that could be mistaken for a safe output is left.
The anonymised document is renamed last: if it exists, its review log exists too.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType

from anonymiser.errors import ConfigError


class StagedOutputs:
    """Collect temporary files for one document and publish them together."""

    def __init__(self, out_dir: Path, stem: str) -> None:
        self.out_dir = out_dir
        self.stem = stem
        self._staged: list[tuple[Path, Path]] = []
        self._published = False

    def path_for(self, final_name: str) -> Path:
        """A temporary path in the output folder for a file that will be called ``final_name``."""
        final = self.out_dir / final_name
        # Hidden, marked partial, and keeping the real extension so the verifier can re-read it.
        temp = self.out_dir / f".partial-{os.getpid()}-{final_name}"
        self._staged.append((temp, final))
        return temp

    def publish(self, last: str | None = None) -> list[Path]:
        """Rename every staged file into place; ``last`` (a final name) goes last."""
        order = sorted(self._staged, key=lambda pair: pair[1].name == last)
        published = []
        for temp, final in order:
            if final.name.endswith(".review.csv") or final.name.endswith(".review.json") or final.name.endswith(".review.html"):
                os.chmod(temp, 0o600)  # the log holds the original text
            os.replace(temp, final)
            published.append(final)
        self._published = True
        return published

    def discard(self) -> None:
        for temp, _final in self._staged:
            try:
                temp.unlink()
            except FileNotFoundError:
                pass

    def __enter__(self) -> StagedOutputs:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if not self._published:
            self.discard()


def remove_outputs(paths: list[Path]) -> None:
    """Remove previously published outputs of a document that has now failed."""
    for path in paths:
        try:
            path.unlink()
        except FileNotFoundError:
            pass


def prepare_out_dir(out_dir: Path) -> None:
    """Create the output folder, or raise ConfigError saying why it cannot be one."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise ConfigError(f"{out_dir}: --out must be a folder, and a file of that name exists") from None
    except OSError as exc:
        raise ConfigError(f"{out_dir}: cannot create the output folder ({exc.strerror})") from None
