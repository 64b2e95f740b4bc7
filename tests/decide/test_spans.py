from __future__ import annotations

from anonymiser.decide.spans import Candidate, resolve_overlaps


def cand(start: int, end: int, key: str, score: float = 0.5, unit: int = 0) -> Candidate:
    return Candidate(unit, start, end, key, "X", score, "test")


def test_overlapping_spans_are_redacted_as_their_union_owned_by_the_longest() -> None:
    out = resolve_overlaps([cand(0, 5, "short"), cand(3, 12, "long"), cand(20, 25, "apart")])
    assert [(c.start, c.end, c.key) for c in out] == [(0, 12, "long"), (20, 25, "apart")]


def test_equal_spans_go_to_the_higher_score() -> None:
    out = resolve_overlaps([cand(0, 5, "date", 0.6), cand(0, 5, "dob", 0.9)])
    assert [(c.key, c.score) for c in out] == [("dob", 0.9)]


def test_units_are_resolved_separately_and_touching_spans_stay_apart() -> None:
    out = resolve_overlaps([cand(0, 5, "a"), cand(5, 9, "b"), cand(0, 5, "c", unit=1)])
    assert [(c.unit, c.start, c.end, c.key) for c in out] == [(0, 0, 5, "a"), (0, 5, 9, "b"), (1, 0, 5, "c")]


def _date(text: str, part: str, key: str) -> Candidate:
    start = text.index(part)
    return Candidate(0, start, start + len(part), key, "DATE", 0.85, "test")


def test_two_durations_joined_by_and_are_one_span() -> None:
    from anonymiser.decide.spans import DurationWords, join_durations

    words = DurationWords(words=("and",), units=("years", "months"))
    text = "He served twelve years and six months; born in 1929 and 1923."
    parts = [_date(text, p, p) for p in ("twelve years", "six months", "1929", "1923")]
    out = join_durations(parts, {0: text}, words)
    assert [text[c.start : c.end] for c in out] == ["twelve years and six months", "1929", "1923"]
    assert out[0].key == "DATE:twelve years and six months"
    # With no words (scr) nothing is joined.
    assert join_durations(parts, {0: text}, DurationWords()) == parts


def test_policies_read_join_durations() -> None:
    from anonymiser.settings import load_settings

    assert "months" in load_settings(policy="strict", scope="full").policy.join_durations.units
    assert load_settings(policy="scr", scope="full").policy.join_durations.words == ()


def test_a_date_of_birth_owns_the_span_it_shares_with_a_date_whatever_the_scores() -> None:
    # "Date of birth: 03/04/2017": context words lift both findings to 1.0; the tie went to
    # the key "DATE:..." and the month and year of birth were published.
    date = Candidate(0, 15, 25, "DATE:03/04/2017", "DATE", 1.0, "UkDateRecogniser")
    dob = Candidate(0, 15, 25, "DATE_OF_BIRTH:03/04/2017", "DATE_OF_BIRTH", 1.0, "UkDateOfBirthRecogniser")
    longer = Candidate(0, 8, 25, "DATE:monday 03/04/2017", "DATE", 1.0, "UkDateRecogniser")
    for group in ([date, dob], [dob, date], [longer, dob]):
        out = resolve_overlaps(group)
        assert [(c.category, c.start, c.end) for c in out] == [("DATE_OF_BIRTH", min(c.start for c in group), 25)]


def test_what_was_found_at_a_place_owns_it_over_the_same_words_found_elsewhere() -> None:
    # "Polish" found as a language before "interpreter" and matched, from there, where it was
    # found as an ethnicity before "heritage": each place keeps its own reading.
    here = Candidate(0, 10, 16, "ETHNICITY:polish", "ETHNICITY", 0.6, "spacy_model:NORP")
    elsewhere = Candidate(0, 10, 16, "LANGUAGE:polish", "LANGUAGE", 0.6, "document_consistency", propagated=True)
    surer_elsewhere = Candidate(0, 10, 16, "NATIONALITY:polish", "NATIONALITY", 0.9, "document_consistency", propagated=True)
    for group in ([here, elsewhere], [elsewhere, here], [here, surer_elsewhere, elsewhere]):
        assert [c.key for c in resolve_overlaps(group)] == ["ETHNICITY:polish"]
    # Where nothing was found, the surer of the matched readings owns it, as before.
    assert [c.key for c in resolve_overlaps([elsewhere, surer_elsewhere])] == ["NATIONALITY:polish"]
    # A longer span still owns the union, and a person is never displaced this way.
    longer = Candidate(0, 10, 24, "LANGUAGE:polish sign", "LANGUAGE", 0.6, "document_consistency", propagated=True)
    assert [c.key for c in resolve_overlaps([here, longer])] == ["LANGUAGE:polish sign"]
    person = Candidate(0, 10, 16, "person:1", "PERSON", 0.9, "document_consistency")
    assert [c.key for c in resolve_overlaps([here, person])] == ["person:1"]


def _named(text: str, part: str, category: str) -> Candidate:
    start = text.index(part)
    return Candidate(0, start, start + len(part), f"{category}:{part.lower()}", category, 0.85, "test")


def test_two_names_of_places_or_bodies_joined_by_and_or_of_are_one_span() -> None:
    from anonymiser.decide.spans import NameJoins, join_names

    joins = NameJoins(words=("and", "of", "of the"), categories=("LOCATION", "ORGANISATION"))
    text = (
        "They moved to the United Kingdom of Great Britain and Northern Ireland; Father was held "
        "at the Aliens Department of the Kirkmuir Security Headquarters, then met Sam and Westmere."
    )
    parts = [
        _named(text, "United Kingdom of Great Britain", "LOCATION"),
        _named(text, "Northern Ireland", "LOCATION"),
        _named(text, "Aliens Department", "ORGANISATION"),
        _named(text, "Kirkmuir Security Headquarters", "ORGANISATION"),
        _named(text, "Sam", "PERSON"),
        _named(text, "Westmere", "LOCATION"),
    ]
    out = join_names(parts, {0: text}, joins)
    assert [text[c.start : c.end] for c in out] == [
        "United Kingdom of Great Britain and Northern Ireland",
        "Aliens Department of the Kirkmuir Security Headquarters",
        "Sam",  # a person beside a place stays apart
        "Westmere",
    ]
    assert out[0].key == "LOCATION:united kingdom of great britain and northern ireland"
    # With no words (scr) nothing is joined.
    assert join_names(parts, {0: text}, NameJoins()) == parts


def test_policies_read_join_names() -> None:
    from anonymiser.settings import load_settings

    strict = load_settings(policy="strict", scope="full").policy.join_names
    assert "and" in strict.words and "ORGANISATION" in strict.categories
    assert load_settings(policy="scr", scope="full").policy.join_names.words == ()
