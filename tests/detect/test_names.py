"""Every way a person's name can appear (names.name_variants) and the one matcher for them
(names.compile_variants): whole words, case rules, apostrophes, initials, aliases.

``common`` is passed explicitly where the answer should not depend on word frequencies; one
test checks the real word list on a few names. Every name here is invented.
"""

from __future__ import annotations

import pytest

from anonymiser.detect.names import (
    Variant,
    compile_variants,
    find_all,
    is_common_word,
    name_tokens,
    name_variants,
)

TITLES = ("Mr", "Mrs", "Ms", "Dr", "PC")


def never_common(word: str) -> bool:
    return False


def common_words(*words: str):  # noqa: ANN201 - a small factory for tests
    lowered = {w.lower() for w in words}
    return lambda word: word.lower() in lowered


def texts(variants: list[Variant]) -> set[str]:
    return {v.text for v in variants}


def matches(variants: list[Variant], text: str) -> list[str]:
    return [m for _, _, m in find_all(compile_variants(variants), text)]


# ------------------------------------------------------------------------- the variants


def test_full_first_last_and_first_last_without_middle() -> None:
    variants = name_variants("Mary Ellen Tregowan", common=never_common)
    assert {"Mary Ellen Tregowan", "Mary Tregowan", "Mary", "Tregowan"} <= texts(variants)
    assert "Ellen" not in texts(variants), "a middle name alone is not a variant"
    assert "Ellen Tregowan" not in texts(variants)


def test_initials_with_and_without_dots() -> None:
    variants = name_variants("Mary Ellen Tregowan", common=never_common)
    assert {"M.E.T.", "MET", "M. E. T.", "M.T.", "MT", "M. T."} <= texts(variants)
    assert all(v.case_sensitive for v in variants if v.text.replace(".", "").replace(" ", "").isupper())


def test_initials_without_the_final_dot() -> None:
    variants = name_variants("Kian Marsh", common=never_common)
    assert matches(variants, "K.M said he was hungry.") == ["K.M"]


def test_titles_are_not_part_of_the_name() -> None:
    variants = name_variants("Ms Kerensa Pellow", titles=TITLES, common=never_common)
    assert "Kerensa Pellow" in texts(variants)
    assert not any("Ms" in v.text.split() for v in variants)
    assert "KP" in texts(variants)


def test_single_word_name_is_only_itself() -> None:
    assert name_variants("Kerensa", common=never_common) == [Variant("Kerensa", False)]


def test_a_name_made_only_of_titles_has_no_variants() -> None:
    assert name_variants("Mr", titles=TITLES) == []


def test_aliases_and_their_first_word() -> None:
    variants = name_variants("Connor Brightwell", ["Con", "Connie Bright", "C.B."], common=common_words("con"))
    found = {v.text: v.case_sensitive for v in variants}
    assert found["Connie Bright"] is False
    assert found["Connie"] is False, "the first word of a two-word alias is a variant"
    assert found["Con"] is True, "an alias that is a common word matches only capitalised"
    assert found["C.B."] is True, "initials given as an alias match case-sensitively"


def test_lone_initial_only_on_request_and_never_a_or_i() -> None:
    assert "K" not in texts(name_variants("Kian Marsh", common=never_common))
    assert Variant("K", True) in name_variants("Kian Marsh", common=never_common, initial=True)
    assert "A" not in texts(name_variants("Ada Marsh", common=never_common, initial=True))
    assert "I" not in texts(name_variants("Ivy Oakes", common=never_common, initial=True))


def test_common_words_alone_are_case_sensitive_but_full_names_are_not() -> None:
    variants = {v.text: v.case_sensitive for v in name_variants("Hope Marsh", common=common_words("hope", "marsh"))}
    assert variants["Hope"] is True and variants["Marsh"] is True
    assert variants["Hope Marsh"] is False


def test_the_real_word_list() -> None:
    assert is_common_word("Hope") and is_common_word("hill")
    assert not is_common_word("Kayleigh") and not is_common_word("Tregowan")


def test_surname_with_a_particle() -> None:
    variants = name_variants("Lucia de Souza", titles=TITLES, common=never_common)
    assert "de Souza" in texts(variants)


# -------------------------------------------------------------------------- the matcher


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kian Marsh was seen.", ["Kian Marsh"]),
        ("KIAN MARSH was seen; kian marsh again.", ["KIAN MARSH", "kian marsh"]),
        ("Kian was seen. KIAN was seen. kian was seen.", ["Kian", "KIAN", "kian"]),
        ("Kian's cot", ["Kian"]),
        ("Kian\u2019s cot", ["Kian"]),
        ("Kian  Marsh and Kian\nMarsh and Kian\u00a0Marsh", ["Kian  Marsh", "Kian\nMarsh", "Kian\u00a0Marsh"]),
        ("Kiana, Kians, Mackian and Kian2 are other words.", []),
        ("Kian-Marsh", ["Kian", "Marsh"]),
        ("@kian posted; kian@example.org wrote.", []),
        ("K.M. and KM and K. M. were in the notes.", ["K.M.", "KM", "K. M."]),
        ("km is a distance and k.m. is not a name.", []),
        ("(Kian)", ["Kian"]),
        ("Met Kian.", ["Kian"]),
    ],
)
def test_whole_words_and_case(text: str, expected: list[str]) -> None:
    variants = name_variants("Kian Marsh", common=never_common)
    assert matches(variants, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hope was seen.", ["Hope"]),
        ("HOPE was seen.", ["HOPE"]),
        ("We hope she was seen.", []),
        ("Marsh and MARSH and the marsh", ["Marsh", "MARSH"]),
        ("Hope Marsh and hope marsh", ["Hope Marsh", "hope marsh"]),
        ("HoPe is not how anyone writes it", []),
    ],
)
def test_common_word_names_match_capitalised_or_in_capitals(text: str, expected: list[str]) -> None:
    variants = name_variants("Hope Marsh", common=common_words("hope", "marsh"))
    assert matches(variants, text) == expected


@pytest.mark.parametrize(
    ("listed", "text"),
    [
        ("Siobhan O'Dwyer", "Siobhan O\u2019Dwyer"),
        ("Siobhan O\u2019Dwyer", "Siobhan O'Dwyer"),
        ("Siobhan O'Dwyer", "O'DWYER"),
        ("Siobhan O'Dwyer", "O\u2019dwyer"),
        ("Siobhan O'Dwyer", "Siobhan O'Dwyer"),
    ],
)
def test_straight_and_curly_apostrophes_are_one_letter(listed: str, text: str) -> None:
    variants = name_variants(listed, common=never_common)
    assert matches(variants, f"Seen: {text}.") == [text]


def test_apostrophe_name_does_not_match_without_it() -> None:
    variants = name_variants("Siobhan O'Dwyer", common=never_common)
    assert matches(variants, "ODwyer and O Dwyer") == []


def test_longest_alternative_wins() -> None:
    variants = name_variants("Mary Ellen Tregowan", common=never_common)
    assert matches(variants, "Mary Ellen Tregowan's file; Mary Tregowan; Tregowan") == [
        "Mary Ellen Tregowan",
        "Mary Tregowan",
        "Tregowan",
    ]


def test_regex_characters_in_a_name_are_literal() -> None:
    variants = [Variant("J.(K)+Row", False)]
    assert matches(variants, "J.(K)+Row and JXKRow") == ["J.(K)+Row"]


def test_unicode_names() -> None:
    variants = name_variants("Zo\u00eb \u0141ukasik", common=never_common)
    assert matches(variants, "ZO\u00cb \u0141UKASIK and \u0141ukasik and Zo\u00eb") == [
        "ZO\u00cb \u0141UKASIK",
        "\u0141ukasik",
        "Zo\u00eb",
    ]


def test_no_variants_compile_to_nothing() -> None:
    assert compile_variants([]) is None
    assert list(find_all(None, "Kian")) == []


def test_name_tokens() -> None:
    assert name_tokens("  Mary \t Ellen\nTregowan ") == ["Mary", "Ellen", "Tregowan"]


# ---------------------------------------------------------------- grouped alternation
# compile_variants groups the alternation by first character for speed; it must find
# exactly what one plain alternation of the same variants, in the same order, finds.


def _plain(variants: list[Variant]):  # noqa: ANN202 - the reference the fast form must equal
    import re

    from anonymiser.detect.names import _variant_regex

    ordered = sorted(set(variants), key=lambda v: (-len(v.text), v.text, v.case_sensitive))
    return re.compile(rf"(?<![\w@])(?:{'|'.join(_variant_regex(v) for v in ordered)})(?![\w@])")


_WORDS = ["Ana", "ana", "Anabel", "K.M.", "KM", "O'Neill", "O\u2019Neill", "'Tash", "\u017fam", "Sam",
          "Émile", "emile", "Ōkubo", "Kelvin", "kelvin", "Hope", "de Souza", "Souza", "x", "1st",
          "Ivy", "\u0130vy", "\u0131vy", "Zoe"]
_FILLER = [" ", "  ", ". ", ", ", "\n", "@", "-", "(", ")", "\u2019", "'", "é", "\u212a", "s",
           "\u0130", "\u0131", "\u017f"]


@pytest.mark.parametrize("grouped", [True, False], ids=["grouped", "plain"])
@pytest.mark.parametrize("seed", range(40))
def test_grouped_alternation_finds_what_a_plain_alternation_finds(
    seed: int, grouped: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    import random

    import anonymiser.detect.alternation as alternation

    # Few variants are left as one alternation (behind a look-ahead); test both forms.
    monkeypatch.setattr(alternation, "FEW_TERMS", 0 if grouped else 1000)
    rng = random.Random(seed)
    variants = [Variant(rng.choice(_WORDS), rng.random() < 0.4) for _ in range(rng.randint(1, 8))]
    text = "".join(rng.choice(_WORDS + _FILLER + [w.upper() for w in _WORDS]) for _ in range(60))
    fast, plain = compile_variants(variants), _plain(variants)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    for word in _WORDS:
        assert bool(fast.fullmatch(word)) == bool(plain.fullmatch(word))


def test_only_i_k_and_s_have_partners_outside_ascii_when_case_is_ignored() -> None:
    # The grouped alternation tries only the terms starting with these letters at a
    # character outside ASCII; a Python that folds more letters must fail here.
    import re

    from anonymiser.detect.alternation import NON_ASCII_CASE_PARTNERS

    every = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c <= 0xDFFF)
    partners = {m.group() for m in re.finditer("[a-z]", every, re.IGNORECASE)}
    letters = {a for a in "abcdefghijklmnopqrstuvwxyz" if any(re.fullmatch(a, c, re.IGNORECASE) for c in partners)}
    assert letters == set(NON_ASCII_CASE_PARTNERS)

