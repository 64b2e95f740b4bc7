"""Pictures leave without their metadata (write/image_metadata.py). Invented names."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
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


def gif(with_metadata: bool) -> bytes:
    def blocks(body: bytes) -> bytes:
        return bytes([len(body)]) + body + b"\x00"

    parts = [b"GIF89a\x01\x00\x01\x00\x80\x00\x00", b"\xff\xff\xff\x00\x00\x00"]  # screen, 2 colours
    parts.append(b"\x21\xff" + blocks(b"NETSCAPE2.0")[:-1] + blocks(b"\x01\x00\x00"))  # loop: stays
    if with_metadata:
        parts += [
            b"\x21\xfe" + blocks(SECRET),  # comment
            b"\x21\xff" + blocks(b"XMP DataXMP")[:-1] + blocks(b"<x:xmpmeta>" + SECRET + b"</x:xmpmeta>"),
            b"\x21\x01" + blocks(bytes(12))[:-1] + blocks(SECRET),  # plain text
        ]
    parts += [b"\x21\xf9\x04\x00\x00\x00\x00\x00", b"\x2c\x00\x00\x00\x00\x01\x00\x01\x00\x00", b"\x02\x02\x44\x01\x00", b"\x3b"]
    return b"".join(parts)


def tiff(with_metadata: bool, order: str = "<") -> bytes:
    """A TIFF whose first directory has its size, an artist and a pointer to an EXIF
    directory with a user comment; without metadata the same bytes with the words zeroed."""
    mark = b"II*\x00" if order == "<" else b"MM\x00*"
    artist = SECRET + b"\x00" if with_metadata else bytes(len(SECRET) + 1)
    comment = b"ASCII\x00\x00\x00" + SECRET if with_metadata else bytes(8 + len(SECRET))
    first = 8
    exif = first + 2 + 12 * 3 + 4
    artist_at = exif + 2 + 12 + 4
    comment_at = artist_at + len(artist)

    def entry(tag: int, kind: int, count: int, value: int) -> bytes:
        return struct.pack(order + "HHII", tag, kind, count, value)

    width = entry(256, 4, 1, 1)
    return (
        mark + struct.pack(order + "I", first)
        + struct.pack(order + "H", 3) + width + entry(315, 2, len(artist), artist_at) + entry(34665, 4, 1, exif)
        + struct.pack(order + "I", 0)
        + struct.pack(order + "H", 1) + entry(37510, 7, len(comment), comment_at) + struct.pack(order + "I", 0)
        + artist + comment
    )


@pytest.mark.parametrize(
    ("name", "with_metadata", "without"),
    [
        pytest.param("word/media/image5.gif", gif(True), gif(False), id="gif"),
        pytest.param("word/media/image6.tiff", tiff(True), tiff(False), id="tiff-little-endian"),
        pytest.param("word/media/image7.tif", tiff(True, ">"), tiff(False, ">"), id="tiff-big-endian"),
    ],
)
def test_gif_and_tiff_lose_their_words_and_keep_the_rest(name: str, with_metadata: bytes, without: bytes) -> None:
    assert SECRET in with_metadata
    assert strip_metadata(name, with_metadata) == without
