"""Word lists derived from a library's data, kept on disk so that a new process reads them fast.

The medicines recogniser's 110,000 drug names come from a bz2-compressed pickle in the
drug-named-entity-recognition package. Decompressing, unpickling and indexing it took about
0.6 s in every new process: every `anonymiser redact`, and every batch before its workers
can fork. The names derived from it are written once, as plain text, to the cache folder and
read back from there in a few hundredths of a second.

The cache holds only lists derived from installed packages' public data, never any text of a
document. It may be deleted at any time; it is rebuilt on the next run.

* **Where**: ``$ANONYMISER_CACHE`` if set, else ``$XDG_CACHE_HOME/anonymiser``, else
  ``~/.cache/anonymiser``. ``ANONYMISER_CACHE=off`` turns it off.
* **Which file**: each is named by a digest of what it is derived from (the source file's
  bytes, or a package's version and the options used), so a new version of the package
  means a new file, never a stale list.
* **Trust**: each file ends with a digest of its contents, checked on every read. A file
  that is truncated, altered or of another format is rebuilt from the source, never used.
  A folder that cannot be written only means the list is built from the source every time:
  the words found are the same either way.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

# Bump when the file layout changes: older files are then never read.
FORMAT = "anonymiser-list-cache 1"
_DIGEST = "sha256 "


def cache_dir() -> Path | None:
    """The folder of derived lists, or None when caching is turned off."""
    env = os.environ.get("ANONYMISER_CACHE")
    if env is not None:
        return None if env.strip().lower() in ("", "off", "0", "no") else Path(env)
    base = os.environ.get("XDG_CACHE_HOME")
    if base:
        return Path(base) / "anonymiser"
    try:
        return Path.home() / ".cache" / "anonymiser"
    except (RuntimeError, KeyError):
        return None  # no home folder to be found (a bare service account): no cache


def source_digest(*parts: str | bytes) -> str:
    """A digest naming what a list is derived from (file bytes, versions, options)."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def cached_lines(kind: str, source: str, build: Callable[[], Iterable[str]]) -> list[str]:
    """The strings ``build`` returns, sorted, from the cache when it holds a sound copy for
    ``kind`` derived from ``source`` (see ``source_digest``); else built and cached."""
    folder = cache_dir()
    path = folder / f"{kind}-{source[:32]}.txt" if folder is not None else None
    if path is not None:
        lines = _read(path, kind, source)
        if lines is not None:
            return lines
    lines = sorted(build())
    # A list with a line break inside an entry could not be read back as it was: it is
    # simply not cached.
    if path is not None and not any("\n" in line for line in lines):
        _write(path, kind, source, lines)
    return lines


def _body(kind: str, source: str, lines: list[str]) -> str:
    return "\n".join([f"{FORMAT} {kind} {source}", *lines]) + "\n"


def _read(path: Path, kind: str, source: str) -> list[str] | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    body, _, footer = text.rpartition(_DIGEST)
    if not body.endswith("\n") or footer.strip() != hashlib.sha256(body.encode("utf-8")).hexdigest():
        return None
    header, *lines = body[:-1].split("\n")
    if header != f"{FORMAT} {kind} {source}":
        return None
    return lines


def _write(path: Path, kind: str, source: str, lines: list[str]) -> None:
    """Write atomically (a whole file or none: two processes may write at once); any failure
    leaves things as they were."""
    body = _body(kind, source, lines)
    text = f"{body}{_DIGEST}{hashlib.sha256(body.encode('utf-8')).hexdigest()}\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{kind}-", suffix=".partial")
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
                out.write(text)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return
