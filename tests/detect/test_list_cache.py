"""The list cache: lists derived from libraries' data, kept on disk between runs. Whatever
the state of the cache, the lists are the ones built from the source."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from anonymiser.detect import medicines
from anonymiser.detect.given_names import (
    GivenNameRules,
    _keys,
    faker_first_names,
    faker_surnames,
)
from anonymiser.detect.list_cache import cache_dir, cached_lines, source_digest


def counting(lines: list[str]) -> tuple[list[int], Callable[[], list[str]]]:
    calls = [0]

    def build() -> list[str]:
        calls[0] += 1
        return list(lines)

    return calls, build


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ANONYMISER_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


WORDS = ["zopiclone", "co - codamol", "", "ibuprofen 200", "\u0142ukasz"]


def test_built_once_then_read(folder: Path) -> None:
    calls, build = counting(WORDS)
    source = source_digest("v1", b"data")
    assert cached_lines("words", source, build) == sorted(WORDS)
    assert cached_lines("words", source, build) == sorted(WORDS)
    assert calls == [1]
    assert len(list(folder.glob("words-*.txt"))) == 1


def test_another_source_is_another_copy(folder: Path) -> None:
    calls, build = counting(WORDS)
    cached_lines("words", source_digest("v1"), build)
    other_calls, other = counting(["x"])
    assert cached_lines("words", source_digest("v2"), other) == ["x"]
    assert other_calls == [1]
    assert cached_lines("words", source_digest("v1"), build) == sorted(WORDS)
    assert calls == [1]


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],  # cut short
        lambda text: text.replace("zopiclone", "zopiclon"),  # a name altered
        lambda text: text.replace("ibuprofen 200\n", ""),  # a name removed
        lambda text: text.replace("anonymiser-list-cache 1", "anonymiser-list-cache 0"),  # old format
        lambda text: "",
    ],
)
def test_a_damaged_copy_is_rebuilt_not_used(folder: Path, damage: Callable[[str], str]) -> None:
    calls, build = counting(WORDS)
    source = source_digest("v1")
    cached_lines("words", source, build)
    (path,) = folder.glob("words-*.txt")
    path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert cached_lines("words", source, build) == sorted(WORDS)
    assert calls == [2]
    assert cached_lines("words", source, build) == sorted(WORDS)  # and written afresh
    assert calls == [2]


def test_a_folder_that_cannot_be_written_only_means_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv("ANONYMISER_CACHE", str(blocker / "cache"))
    calls, build = counting(WORDS)
    assert cached_lines("words", source_digest("v1"), build) == sorted(WORDS)
    assert cached_lines("words", source_digest("v1"), build) == sorted(WORDS)
    assert calls == [2]


@pytest.mark.parametrize("value", ["off", "OFF", ""])
def test_turned_off(value: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANONYMISER_CACHE", value)
    monkeypatch.chdir(tmp_path)
    assert cache_dir() is None
    calls, build = counting(WORDS)
    cached_lines("words", source_digest("v1"), build)
    cached_lines("words", source_digest("v1"), build)
    assert calls == [2]
    assert list(tmp_path.iterdir()) == []


def test_default_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ANONYMISER_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "anonymiser"


def test_lines_with_line_breaks_are_not_cached(folder: Path) -> None:
    calls, build = counting(["a\nb", "c"])
    assert cached_lines("words", source_digest("v1"), build) == ["a\nb", "c"]
    assert cached_lines("words", source_digest("v1"), build) == ["a\nb", "c"]
    assert calls == [2]


def test_drug_names_cold_and_warm_are_the_library_s(folder: Path) -> None:
    expected = medicines._derive(medicines.load_drug_names())
    assert medicines._names_and_index() == expected  # built and cached
    assert any(folder.glob("drug-names-*.txt"))
    assert medicines._names_and_index() == expected  # read back
    assert "co - codamol" in expected[0] and expected[1]["co"] >= 3


def test_name_lists_cold_and_warm_are_faker_s(folder: Path) -> None:
    locales = ("en_GB", "pl_PL")
    for _ in range(2):  # built and cached, then read back
        rules = GivenNameRules(locales=locales, add=("Kayden",))
        assert rules.first_names == _keys(faker_first_names(locales)) | _keys(["Kayden"])
        assert rules.surnames == _keys(faker_surnames(locales))
    assert any(folder.glob("first-names-*.txt")) and any(folder.glob("surnames-*.txt"))
    assert "lukasz" in rules.first_names and "kayden" in rules.first_names


def test_no_home_folder_means_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ANONYMISER_CACHE")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    assert cache_dir() is None
    _calls, build = counting(WORDS)
    assert cached_lines("words", source_digest("v1"), build) == sorted(WORDS)
