"""Pictures leave without their metadata.

A photograph pasted into a draft (the home, an injury, a car) keeps what the camera or the
editing program wrote beside the pixels: EXIF with the GPS position where it was taken and
the time, the owner's or author's name, XMP and IPTC captions, comments. None of it shows on
the page and verification cannot read it, so it is removed; the pixels are untouched.

JPEG: the APP1 (EXIF, XMP), APP13 (IPTC) and COM segments go; the colour profile (APP2) and
everything the picture needs stay. PNG: the text chunks (tEXt, zTXt, iTXt), eXIf and tIME
go; the other chunks are copied byte for byte. Other formats are left as they are. A
picture whose structure does not read as expected is returned unchanged rather than cut.
"""

from __future__ import annotations

import struct

_JPEG_SOI = b"\xff\xd8"
# Markers with metadata (and no picture data): APP1 (EXIF, XMP), APP13 (IPTC), COM.
_JPEG_DROPPED = frozenset({0xE1, 0xED, 0xFE})
# Markers that stand alone, without a length: TEM, RSTn.
_JPEG_NO_LENGTH = frozenset({0x01, *range(0xD0, 0xD8)})
_JPEG_SOS = 0xDA

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_DROPPED = frozenset({b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"})


def strip_metadata(name: str, data: bytes) -> bytes:
    """``data`` (the picture called ``name``) without its metadata."""
    lower = name.lower()
    if lower.endswith((".jpg", ".jpeg", ".jpe", ".jfif")) or data.startswith(_JPEG_SOI):
        return _strip_jpeg(data) if data.startswith(_JPEG_SOI) else data
    if data.startswith(_PNG_SIGNATURE):
        return _strip_png(data)
    return data


def _strip_jpeg(data: bytes) -> bytes:
    out = bytearray(_JPEG_SOI)
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return data  # not a marker where one should be: leave the picture alone
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in _JPEG_NO_LENGTH:
            out += data[pos : pos + 2]
            pos += 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        end = pos + 2 + length
        if length < 2 or end > len(data):
            return data
        if marker == _JPEG_SOS:
            out += data[pos:]  # the scan and everything after it is picture data
            return bytes(out)
        if marker not in _JPEG_DROPPED:
            out += data[pos:end]
        pos = end
    return data


def _strip_png(data: bytes) -> bytes:
    out = bytearray(_PNG_SIGNATURE)
    pos = len(_PNG_SIGNATURE)
    while pos + 12 <= len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        end = pos + 12 + length
        if end > len(data):
            return data
        if kind not in _PNG_DROPPED:
            out += data[pos:end]
        pos = end
        if kind == b"IEND":
            return bytes(out)
    return data
