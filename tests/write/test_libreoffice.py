"""A rewritten .docx still opens in a real word processor and lays out like the original.

Converts the fixture and its rewritten copy to PDF with LibreOffice (headless, with a
throw-away profile so nothing touches the user's settings). Skipped when soffice is not
installed, except under CI, where a missing soffice is a failure.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from anonymiser.read.docx import read_docx
from anonymiser.read.limits import InputLimits
from anonymiser.records import Edit
from anonymiser.write.docx import write_docx
from tests.docx_builder import build_docx

_NAME_PATTERN = re.compile(r"lorna\.pennyfeather@example\.org|Lorna Pennyfeather|Pennyfeather|Lorna", re.IGNORECASE)
_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("soffice is not installed; CI must install libreoffice-writer-nogui")
        pytest.skip("soffice is not installed")
    return found


def _convert(soffice: str, sources: list[Path], target: str, workdir: Path) -> list[Path]:
    profile = (workdir / "lo-profile").resolve().as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target, "--outdir", str(workdir)]
        + [str(s) for s in sources],
        check=True,
        capture_output=True,
        timeout=300,
    )
    extension = target.split(":", 1)[0]
    converted = [workdir / f"{s.stem}.{extension}" for s in sources]
    for path in converted:
        assert path.exists(), f"LibreOffice did not convert {path.name}"
    return converted


@pytest.mark.parametrize(
    ("drop_table", "drop_images"),
    [(False, False), (True, True)],
    ids=["edits", "edits-dropped-table-and-images"],
)
def test_rewritten_document_converts_with_same_layout(tmp_path: Path, drop_table: bool, drop_images: bool) -> None:
    soffice = _soffice()
    original = build_docx(tmp_path / "original.docx")
    doc = read_docx(original, InputLimits())
    edits = [
        Edit(u.uid, m.start(), m.end(), "Person A")
        for u in doc.units
        for m in _NAME_PATTERN.finditer(u.text)
    ]
    drop = frozenset(u.uid for u in doc.units if drop_table and u.location.cell is not None)
    rewritten = tmp_path / "rewritten.docx"
    write_docx(doc, edits, rewritten, drop_units=drop, drop_images=drop_images)

    pdf_original, pdf_rewritten = _convert(soffice, [original, rewritten], "pdf", tmp_path)
    pages_original = len(_PAGE.findall(pdf_original.read_bytes()))
    pages_rewritten = len(_PAGE.findall(pdf_rewritten.read_bytes()))
    assert pages_original >= 1
    assert abs(pages_original - pages_rewritten) <= 1

    (text,) = _convert(soffice, [rewritten], "txt:Text (encoded):UTF8", tmp_path)
    content = text.read_text(encoding="utf-8-sig")
    assert "Person A" in content
    assert not re.search("lorna|pennyfeather", content, re.IGNORECASE)
