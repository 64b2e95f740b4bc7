"""Pictures leave without their metadata.

A photograph pasted into a draft (the home, an injury, a car) keeps what the camera or the
editing program wrote beside the pixels: EXIF with the GPS position where it was taken and
the time, the owner's or author's name, XMP and IPTC captions, comments. None of it shows on
the page and verification cannot read it, so it is removed; the pixels are untouched.

JPEG: the APP1 (EXIF, XMP), APP13 (IPTC) and COM segments go; the colour profile (APP2) and
everything the picture needs stay. PNG: the text chunks (tEXt, zTXt, iTXt), eXIf and tIME
go; the other chunks are copied byte for byte. GIF: comments, plain-text and application
extensions go (XMP is one), except the one that makes an animation loop. TIFF (and the HD
Photo / JPEG XR pictures Word keeps, which are built the same way): every text value and
every XMP, IPTC, Photoshop, user-comment, maker-note and Windows "XP" value, in every
directory (EXIF and GPS included), is overwritten with zero bytes in place, so no offset
moves; the GPS position's values are zeroed too. Other formats are left as they are. A
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


_GIF_SIGNATURES = (b"GIF87a", b"GIF89a")
# Extension labels: comment, plain text, application. The graphic control (0xF9) stays.
_GIF_DROPPED = frozenset({0xFE, 0x01, 0xFF})
_GIF_LOOP_APPLICATIONS = (b"NETSCAPE2.0", b"ANIMEXTS1.0")

# Classic TIFF, little and big endian, and JPEG XR (HD Photo, ".wdp"), which has the same
# directories under its own mark.
_TIFF_MARKS = {b"II*\x00": "<", b"MM\x00*": ">", b"II\xbc\x01": "<"}
_TIFF_TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8}
_TIFF_ASCII = 2
# Values that hold words whatever their type: XMP, IPTC, Photoshop's resources, the EXIF
# user comment and maker note, Windows' title, comment, author, keywords and subject.
_TIFF_TEXT_TAGS = frozenset({700, 33723, 34377, 37510, 37500, 40091, 40092, 40093, 40094, 40095})
# Pointers to further directories: EXIF, GPS, interoperability.
_TIFF_SUB_DIRECTORIES = frozenset({34665, 34853, 40965})
_TIFF_GPS = 34853


def strip_metadata(name: str, data: bytes) -> bytes:
    """``data`` (the picture called ``name``) without its metadata."""
    lower = name.lower()
    if lower.endswith((".jpg", ".jpeg", ".jpe", ".jfif")) or data.startswith(_JPEG_SOI):
        return _strip_jpeg(data) if data.startswith(_JPEG_SOI) else data
    if data.startswith(_PNG_SIGNATURE):
        return _strip_png(data)
    if data[:6] in _GIF_SIGNATURES:
        return _strip_gif(data)
    if data[:4] in _TIFF_MARKS:
        return _strip_tiff(data, _TIFF_MARKS[data[:4]])
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


def _gif_sub_blocks_end(data: bytes, pos: int) -> int | None:
    """Where the data sub-blocks starting at ``pos`` end (after their zero-length block)."""
    while pos < len(data):
        size = data[pos]
        pos += 1 + size
        if size == 0:
            return pos if pos <= len(data) else None
    return None


def _strip_gif(data: bytes) -> bytes:
    if len(data) < 13:
        return data
    pos = 13
    if data[10] & 0x80:  # global colour table
        pos += 3 * (2 ** ((data[10] & 0x07) + 1))
    out = bytearray(data[:pos])
    while pos < len(data):
        block = data[pos]
        if block == 0x3B:  # trailer
            out += data[pos:]
            return bytes(out)
        if block == 0x21 and pos + 1 < len(data):
            end = _gif_sub_blocks_end(data, pos + 2)
            if end is None:
                return data
            label = data[pos + 1]
            looping = label == 0xFF and data[pos + 3 : pos + 14] in _GIF_LOOP_APPLICATIONS
            if label not in _GIF_DROPPED or looping:
                out += data[pos:end]
            pos = end
        elif block == 0x2C and pos + 10 <= len(data):
            start = pos
            pos += 10
            if data[pos - 1] & 0x80:  # local colour table
                pos += 3 * (2 ** ((data[pos - 1] & 0x07) + 1))
            end = _gif_sub_blocks_end(data, pos + 1)  # after the LZW code size
            if end is None:
                return data
            out += data[start:end]
            pos = end
        else:
            return data
    return data  # no trailer: not read as expected


def _strip_tiff(data: bytes, order: str) -> bytes:
    out = bytearray(data)
    (first,) = struct.unpack(order + "I", data[4:8])
    queue = [(first, False)]
    seen: set[int] = set()
    while queue:
        offset, gps = queue.pop()
        if offset == 0 or offset in seen:
            continue
        if offset < 8 or offset + 2 > len(data):
            return data
        seen.add(offset)
        (count,) = struct.unpack(order + "H", data[offset : offset + 2])
        end = offset + 2 + 12 * count
        if end + 4 > len(data):
            return data
        for entry in range(offset + 2, end, 12):
            tag, kind, number = struct.unpack(order + "HHI", data[entry : entry + 8])
            size = number * _TIFF_TYPE_SIZES.get(kind, 1)
            where = entry + 8 if size <= 4 else struct.unpack(order + "I", data[entry + 8 : entry + 12])[0]
            if where + size > len(data):
                return data
            if tag in _TIFF_SUB_DIRECTORIES:
                queue.append((struct.unpack(order + "I", data[entry + 8 : entry + 12])[0], tag == _TIFF_GPS))
            elif gps or kind == _TIFF_ASCII or tag in _TIFF_TEXT_TAGS:
                out[where : where + size] = bytes(size)
        (following,) = struct.unpack(order + "I", data[end : end + 4])
        if following:
            queue.append((following, False))
    return bytes(out)
