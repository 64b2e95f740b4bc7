"""Pictures leave without their metadata (write/image_metadata.py). Invented names."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

from docx import Document

from anonymiser.read.docx import read_docx
from anonymiser.read.limits import InputLimits
from anonymiser.write.docx import write_docx
from anonymiser.write.image_metadata import strip_metadata

SECRET = b"Kayleigh Marsh, 14 Ashcombe Row"


def _segment(marker: int, body: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(body) + 2) + body


def jpeg(with_metadata: bool) -> bytes:
    parts = [b"\xff\xd8", _segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")]
    if with_metadata:
        parts += [
            _segment(0xE1, b"Exif\x00\x00" + SECRET + b" GPS 50.7,-3.5"),
            _segment(0xED, b"Photoshop 3.0\x00" + SECRET),
            _segment(0xFE, SECRET),
        ]
    parts += [_segment(0xE2, b"ICC_PROFILE\x00profile"), _segment(0xDB, bytes(65)), _segment(0xDA, bytes(10))]
    parts += [b"\x12\x34\xff\x00\x56", b"\xff\xd9"]  # scan data (with a stuffed 0xFF) and EOI
    return b"".join(parts)


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png(with_metadata: bool) -> bytes:
    parts = [b"\x89PNG\r\n\x1a\n", _chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))]
    if with_metadata:
        parts += [_chunk(b"tEXt", b"Author\x00" + SECRET), _chunk(b"iTXt", b"Comment\x00\x00\x00\x00\x00" + SECRET)]
    parts += [_chunk(b"IDAT", zlib.compress(b"\x00\x00")), _chunk(b"IEND", b"")]
    return b"".join(parts)


def test_jpeg_loses_exif_iptc_and_comments_and_keeps_the_rest() -> None:
    assert strip_metadata("word/media/image1.jpeg", jpeg(True)) == jpeg(False)


def test_png_loses_text_chunks_and_keeps_the_rest() -> None:
    assert strip_metadata("word/media/image2.png", png(True)) == png(False)


def test_other_or_unreadable_pictures_are_left_alone() -> None:
    assert strip_metadata("word/media/image3.gif", b"GIF89a" + SECRET) == b"GIF89a" + SECRET
    broken = jpeg(True)[:30]  # cut off inside a segment
    assert strip_metadata("word/media/image4.jpeg", broken) == broken


def test_a_photo_in_a_draft_leaves_without_its_metadata(tmp_path: Path) -> None:
    draft = tmp_path / "draft.docx"
    document = Document()
    document.add_paragraph("Findings")
    document.add_picture(io.BytesIO(png(True)))
    document.save(str(draft))
    with zipfile.ZipFile(draft) as package:
        assert any(SECRET in package.read(n) for n in package.namelist() if n.startswith("word/media/"))
    out = tmp_path / "out.docx"
    write_docx(read_docx(draft, InputLimits()), [], out)
    with zipfile.ZipFile(out) as package:
        media = [n for n in package.namelist() if n.startswith("word/media/")]
        assert media and not any(SECRET in package.read(n) for n in media)
