"""Every bad input: a one-line error naming the file and the problem, a non-zero exit, and no
outputs of its own, while the good inputs of the same batch still complete.

Binary fixtures are built here; the one committed file is a real password-protected .docx
(see tests/data/bad/README.md), because a fake OLE header only proves the fake is caught.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from anonymiser.api import redact_many
from anonymiser.detect.engine import Detector
from anonymiser.read.ooxml import OLE_MAGIC
from anonymiser.records import VerificationReport
from anonymiser.settings import Settings
from tests.docx_builder import minimal_parts, para, run, write_package

BAD = Path(__file__).resolve().parent / "data" / "bad"
# Invented people; the surname must never appear in an error message.
SURNAME = "Quarrendon"
GOOD_TEXT = f"Summary.\n\nThe social worker, Elspeth {SURNAME}, visited on 4 March 2019.\n"


def _write(data: bytes) -> Callable[[Path], Path]:
    def build(path: Path) -> Path:
        path.write_bytes(data)
        return path

    return build


def _missing(path: Path) -> Path:
    return path  # never created


def _zip_without_main_part(path: Path) -> Path:
    parts = minimal_parts(para(run(f"Report about {SURNAME}.")))
    del parts["word/document.xml"]
    return write_package(path, parts)


def _zip_of_other_things(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", f"{SURNAME} notes")
    return path


def _docx_without_text(path: Path) -> Path:
    return write_package(path, minimal_parts(para("")))


def _fake_encrypted_ole(path: Path) -> Path:
    # The magic, padding to the directory, and the stream names of an encrypted package.
    blob = OLE_MAGIC + bytes(504) + "EncryptionInfo".encode("utf-16-le") + bytes(50)
    path.write_bytes(blob + "EncryptedPackage".encode("utf-16-le") + os.urandom(256))
    return path


def _real_encrypted(path: Path) -> Path:
    path.write_bytes((BAD / "password-protected.docx").read_bytes())
    return path


CASES = [
    # (id, file name, builder, words the message must contain)
    ("missing", "absent.txt", _missing, "not found"),
    ("empty-txt", "empty.txt", _write(b""), "empty"),
    ("blank-txt", "blank.txt", _write(b"   \n\n\t\n"), "empty"),
    ("empty-docx", "empty.docx", _write(b""), "empty"),
    ("docx-without-text", "notext.docx", _docx_without_text, "empty"),
    ("random-bytes-docx", "random.docx", _write(os.urandom(3000)), "damaged"),
    ("text-named-docx", "text.docx", _write(f"Notes about {SURNAME}\n".encode()), "damaged"),
    ("zip-without-document-xml", "nomain.docx", _zip_without_main_part, "damaged"),
    ("zip-of-other-things", "other.docx", _zip_of_other_things, "damaged"),
    ("password-protected-real", "locked.docx", _real_encrypted, "password"),
    ("password-protected-minimal-ole", "locked2.docx", _fake_encrypted_ole, "password"),
    ("old-doc-renamed", "old.docx", _write(OLE_MAGIC + os.urandom(1024)), "damaged"),
    ("cp1252-txt", "latin.txt", _write(f"Caf\xe9 visit by {SURNAME}.\n".encode("cp1252")), "UTF-8"),
    ("utf16-txt", "wide.txt", _write(f"Visit by {SURNAME}.\n".encode("utf-16")), "UTF-8"),
    ("nul-bytes-txt", "nul.txt", _write(b"Visit\x00by\x00nobody\n"), "UTF-8"),
    ("pdf", "report.pdf", _write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"), "unsupported"),
    ("old-doc-extension", "report.doc", _write(OLE_MAGIC + bytes(600)), "unsupported"),
    ("no-extension", "report", _write(b"plain words\n"), "unsupported"),
]


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "in" / "good.txt"
    path.parent.mkdir()
    path.write_text(GOOD_TEXT, encoding="utf-8")
    path.with_name("good2.txt").write_text(GOOD_TEXT, encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "build", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_fails_alone_with_a_one_line_error(
    tmp_path: Path,
    good: Path,
    settings: Settings,
    detector: Detector,
    name: str,
    build: Callable[[Path], Path],
    words: str,
) -> None:
    bad = build(good.parent / name)
    out = tmp_path / "out"
    first_good, failed, second_good = redact_many(
        [good, bad, good.with_name("good2.txt")], out, settings, detector=detector
    )

    assert not failed.ok
    assert first_good.ok and second_good.ok, (first_good.error, second_good.error)
    error = failed.error or ""
    assert "\n" not in error
    assert error.startswith(str(bad)), error
    assert words.lower() in error.lower(), error
    assert SURNAME not in error, "an error message must never carry draft text"
    assert not failed.outputs
    # Nothing of its own in the output folder, not even a hidden partial file.
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(
        [f"{s}.{kind}" for s in ("good", "good2") for kind in ("anonymised.txt", "review.csv", "review.html", "review.json")]
    )


def test_a_folder_given_as_a_file_path_is_refused(tmp_path: Path, settings: Settings, detector: Detector) -> None:
    folder = tmp_path / "drafts.txt"
    folder.mkdir()
    [outcome] = redact_many([folder], tmp_path / "out", settings, detector=detector)
    assert not outcome.ok
    assert (outcome.error or "").startswith(str(folder))
    assert list((tmp_path / "out").iterdir()) == []


def test_failed_verification_deletes_every_output(
    tmp_path: Path, good: Path, settings: Settings, detector: Detector, monkeypatch: pytest.MonkeyPatch
) -> None:
    def found_a_leak(*args: object, **kwargs: object) -> VerificationReport:
        return VerificationReport(
            ran=True, passed=False, strings_checked=1, parts_checked=1, seconds=0.0, hits=["text: paragraph 2"]
        )

    monkeypatch.setattr("anonymiser.pipeline.verify_output", found_a_leak)
    out = tmp_path / "out"
    [outcome] = redact_many([good], out, settings, detector=detector)
    assert not outcome.ok
    error = outcome.error or ""
    assert error.startswith(str(good)) and "paragraph 2" in error and "\n" not in error
    assert SURNAME not in error
    assert list(out.iterdir()) == []


def test_an_unexpected_bug_fails_closed(
    tmp_path: Path, good: Path, settings: Settings, detector: Detector, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_writer(*args: object, **kwargs: object) -> None:
        raise RuntimeError(f"writer crashed on {SURNAME}")

    monkeypatch.setattr("anonymiser.pipeline.write_document", broken_writer)
    out = tmp_path / "out"
    [outcome] = redact_many([good], out, settings, detector=detector)
    assert not outcome.ok
    error = outcome.error or ""
    assert error.startswith(str(good)) and "internal error" in error
    assert SURNAME not in error, "an exception's message may hold draft text; it must not be shown"
    assert list(out.iterdir()) == []


def test_a_failed_rerun_leaves_no_stale_outputs(
    tmp_path: Path, good: Path, settings: Settings, detector: Detector
) -> None:
    out = tmp_path / "out"
    [first] = redact_many([good], out, settings, detector=detector)
    assert first.ok
    good.write_bytes(b"\xff\xfe not utf-8 any more")
    [second] = redact_many([good], out, settings, detector=detector)
    assert not second.ok
    assert list(out.iterdir()) == [], "an output of an older version of a failed draft is still there"


def test_two_inputs_with_the_same_output_names_do_not_overwrite(
    tmp_path: Path, settings: Settings, detector: Detector
) -> None:
    a = tmp_path / "one" / "draft.txt"
    b = tmp_path / "two" / "draft.txt"
    for path in (a, b):
        path.parent.mkdir()
        path.write_text(GOOD_TEXT, encoding="utf-8")
    out = tmp_path / "out"
    first, second = redact_many([a, b], out, settings, detector=detector)
    assert first.ok
    assert not second.ok
    assert (second.error or "").startswith(str(b))
    assert "\n" not in (second.error or "")
    assert sorted(p.name for p in out.iterdir()) == ["draft.anonymised.txt", "draft.review.csv", "draft.review.html", "draft.review.json"]


def test_cli_batch_with_one_bad_file_exits_non_zero(
    tmp_path: Path, detector: Detector, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command: exit status, one line on stderr naming the file, what is left on disk."""
    from typer.testing import CliRunner

    from anonymiser.cli import app

    monkeypatch.setattr("anonymiser.detect.engine.Detector", lambda _settings: detector)
    drafts = tmp_path / "in"
    drafts.mkdir()
    (drafts / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (drafts / "broken.docx").write_bytes(os.urandom(2000))
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["redact", str(drafts), "--out", str(out), "--scope", "full"], catch_exceptions=False
    )
    assert result.exit_code == 1, result.output
    failure_lines = [line for line in result.stderr.splitlines() if "broken.docx" in line]
    assert len(failure_lines) == 1, result.stderr
    assert "damaged" in failure_lines[0]
    assert "Traceback" not in result.stderr
    assert "1 of 2" in result.stdout
    assert sorted(p.name for p in out.iterdir()) == ["good.anonymised.txt", "good.review.csv", "good.review.html", "good.review.json"]


@pytest.mark.parametrize(
    ("name", "data"),
    [("absent.txt", None), ("report.pdf", b"%PDF-1.4\n"), ("latin.txt", "Caf\xe9\n".encode("cp1252"))],
    ids=["missing", "unsupported", "not-utf8"],
)
def test_cli_single_bad_file_exits_non_zero(
    tmp_path: Path, detector: Detector, monkeypatch: pytest.MonkeyPatch, name: str, data: bytes | None
) -> None:
    from typer.testing import CliRunner

    from anonymiser.cli import app

    # The command builds its own Detector; the session's one is the same thing, already loaded.
    monkeypatch.setattr("anonymiser.detect.engine.Detector", lambda _settings: detector)
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    out = tmp_path / "out"
    # Missing and unsupported files fail before any model is needed; a text that does not
    # decode fails in reading. Either way: exit 1 and one line naming the file.
    result = CliRunner().invoke(app, ["redact", str(path), "--out", str(out)], catch_exceptions=False)
    assert result.exit_code != 0
    lines = [line for line in result.stderr.splitlines() if name in line]
    assert len(lines) == 1, result.stderr
    assert not out.exists() or list(out.iterdir()) == []
