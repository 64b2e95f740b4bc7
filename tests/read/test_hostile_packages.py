"""Hostile or broken packages are refused with the right error, before they cost anything."""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from anonymiser.errors import (
    CorruptDocument,
    DocumentTooLarge,
    EncryptedDocument,
    InputError,
    UnsafeDocument,
)
from anonymiser.read.docx import read_docx
from anonymiser.read.limits import InputLimits
from anonymiser.read.ooxml import OLE_MAGIC
from tests.docx_builder import NAME, SURNAME, fixture_parts, minimal_parts, para, run, write_package

_BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10))
    + ']>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    f"<w:body><w:p><w:r><w:t>&lol9; {NAME}</w:t></w:r></w:p></w:body></w:document>"
)
_EXTERNAL_ENTITY = (
    '<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
)
_PLAIN_BODY = para(run(f"Report about {SURNAME}."))


def _with_part(name: str, data: bytes) -> Callable[[Path], Path]:
    def build(path: Path) -> Path:
        parts = fixture_parts()
        parts[name] = data
        return write_package(path, parts)

    return build


def _bytes(data: bytes) -> Callable[[Path], Path]:
    def build(path: Path) -> Path:
        path.write_bytes(data)
        return path

    return build


def _zip_bomb(path: Path) -> Path:
    parts = minimal_parts(_PLAIN_BODY)
    parts["word/media/padding.bin"] = bytes(30 * 1024 * 1024)
    return write_package(path, parts)


def _empty_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w"):
        pass
    return path


def _without(name: str) -> Callable[[Path], Path]:
    def build(path: Path) -> Path:
        parts = fixture_parts()
        del parts[name]
        return write_package(path, parts)

    return build


def _truncated(path: Path) -> Path:
    write_package(path, fixture_parts())
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _encrypted_ole(path: Path) -> Path:
    # Enough of a compound file for the check: the magic, then the stream names that a
    # password-protected .docx carries in its directory.
    blob = OLE_MAGIC + bytes(504) + "EncryptionInfo".encode("utf-16-le") + bytes(50)
    return _bytes(blob + "EncryptedPackage".encode("utf-16-le") + os.urandom(256))(path)


@pytest.mark.parametrize(
    ("build", "error"),
    [
        pytest.param(_with_part("word/document.xml", _BILLION_LAUGHS.encode()), UnsafeDocument, id="entity-bomb"),
        pytest.param(_with_part("word/document.xml", _EXTERNAL_ENTITY.encode()), UnsafeDocument, id="external-entity"),
        pytest.param(
            _with_part("word/styles.xml", _EXTERNAL_ENTITY.replace("<?xml version=\"1.0\"?>", "").encode("utf-16")),
            UnsafeDocument,
            id="utf16-doctype-in-styles",
        ),
        pytest.param(_zip_bomb, DocumentTooLarge, id="zip-bomb"),
        pytest.param(_encrypted_ole, EncryptedDocument, id="password-protected"),
        pytest.param(_bytes(OLE_MAGIC + os.urandom(2048)), CorruptDocument, id="old-doc-file"),
        pytest.param(_bytes(os.urandom(4096)), CorruptDocument, id="random-bytes"),
        pytest.param(_empty_zip, CorruptDocument, id="empty-zip"),
        pytest.param(_without("word/document.xml"), CorruptDocument, id="no-main-part"),
        pytest.param(_without("[Content_Types].xml"), CorruptDocument, id="no-content-types"),
        pytest.param(_with_part("word/document.xml", b"<w:document><unclosed>"), CorruptDocument, id="bad-xml"),
        pytest.param(_truncated, CorruptDocument, id="truncated"),
    ],
)
def test_hostile_package_is_refused(tmp_path: Path, build: Callable[[Path], Path], error: type[InputError]) -> None:
    path = build(tmp_path / "draft.docx")
    with pytest.raises(error) as caught:
        read_docx(path, InputLimits())
    message = str(caught.value)
    assert message.startswith(str(path))
    assert SURNAME not in message


def test_unsafe_part_is_named(tmp_path: Path) -> None:
    path = _with_part("word/footnotes.xml", _EXTERNAL_ENTITY.encode())(tmp_path / "draft.docx")
    with pytest.raises(UnsafeDocument, match="word/footnotes.xml"):
        read_docx(path, InputLimits())


def test_zip_bomb_is_refused_before_decompressing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _zip_bomb(tmp_path / "bomb.docx")

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("a part was decompressed")

    monkeypatch.setattr(zipfile.ZipFile, "open", no_reading)
    with pytest.raises(DocumentTooLarge):
        read_docx(path, InputLimits())


@pytest.mark.parametrize(
    "limits",
    [
        InputLimits(max_file_bytes=1000),
        InputLimits(max_parts=5),
        InputLimits(max_part_bytes=2000),
        InputLimits(max_uncompressed_bytes=10_000),
    ],
    ids=["file-size", "part-count", "part-size", "total-size"],
)
def test_limits_are_enforced(tmp_path: Path, limits: InputLimits) -> None:
    parts = fixture_parts()
    parts["word/media/filler.bin"] = os.urandom(6000)
    path = write_package(tmp_path / "draft.docx", parts)
    read_docx(path, InputLimits())  # within the defaults
    with pytest.raises(DocumentTooLarge):
        read_docx(path, limits)


def test_part_larger_than_its_header_claims_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Simulate a lying directory: the header says every part is tiny.
    path = write_package(tmp_path / "draft.docx", fixture_parts())
    real_infolist = zipfile.ZipFile.infolist

    def lying_infolist(self: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
        infos = real_infolist(self)
        for info in infos:
            info.file_size = min(info.file_size, 10)
        return infos

    monkeypatch.setattr(zipfile.ZipFile, "infolist", lying_infolist)
    with pytest.raises((CorruptDocument, DocumentTooLarge)):
        read_docx(path, InputLimits(max_part_bytes=1000))
