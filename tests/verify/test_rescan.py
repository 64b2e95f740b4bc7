"""The search of the output for every redacted string (verify/rescan.py). Invented names."""

from __future__ import annotations

from anonymiser.decide.keep import TermMatcher
from anonymiser.detect.names import Variant
from anonymiser.verify.rescan import verify_chunks

CLARE = [Variant("Clare", case_sensitive=False)]


def test_a_redacted_name_left_in_the_output_is_a_hit() -> None:
    report = verify_chunks([("body, paragraph 3", "Person A met Clare at the clinic.")], CLARE)
    assert not report.passed
    assert report.hits == ["body, paragraph 3, characters 13-18"]


def test_a_name_inside_a_practice_term_is_not_a_hit() -> None:
    chunks = [("body, paragraph 1", "Clare's Law was explained to Person A.")]
    assert not verify_chunks(chunks, CLARE).passed
    assert verify_chunks(chunks, CLARE, terms=TermMatcher(["Clare's Law"])).passed


def test_terms_and_labels_are_allowed_together() -> None:
    # One overlapping the other: each is allowed where it stands.
    chunks = [("body, paragraph 1", "Clare's Law Clinic C and Person C")]
    secrets = [*CLARE, Variant("C", case_sensitive=True)]
    report = verify_chunks(chunks, secrets, ["Person C", "Clinic C"], terms=TermMatcher(["Clare's Law"]))
    assert report.passed


def test_the_same_name_outside_the_term_is_still_a_hit() -> None:
    chunks = [("body, paragraph 1", "Clare's Law was explained to Clare.")]
    report = verify_chunks(chunks, CLARE, terms=TermMatcher(["Clare's Law"]))
    assert report.hits == ["body, paragraph 1, characters 29-34"]


def test_a_name_in_the_output_file_name_fails_the_document(tmp_path, settings, detector) -> None:  # type: ignore[no-untyped-def]
    # The output is named after the draft: "Lorna_Pennyfeather-IMR.txt" published the name
    # on the file, and verification, which read only the contents, passed it.
    from anonymiser.api import redact_many

    draft = tmp_path / "Lorna_Pennyfeather-IMR.txt"
    draft.write_text("1. FINDINGS\n\n1.1 Lorna Pennyfeather was seen by the health visitor.\n", encoding="utf-8")
    (outcome,) = redact_many([draft], tmp_path / "out", settings, detector=detector)
    assert not outcome.ok and "file name" in (outcome.error or "")
    assert not list((tmp_path / "out").glob("*"))
    safe = tmp_path / "imr-draft-3.txt"
    safe.write_text(draft.read_text(encoding="utf-8"), encoding="utf-8")
    (outcome,) = redact_many([safe], tmp_path / "out", settings, detector=detector)
    assert outcome.ok, outcome.error


ROMAN = [Variant("Roman", case_sensitive=False), Variant("Roman Kowalski", case_sensitive=False)]


def test_typeface_names_are_not_text_about_the_case() -> None:
    # Every Word package names its fonts; a child called Roman made every output fail on
    # "Times New Roman" in the font table, the theme and the styles.
    fonts = [
        ("word/fontTable.xml: attribute name of font (node 8)", "Times New Roman"),
        ("word/theme/theme1.xml: attribute typeface of latin (node 37)", "Times New Roman"),
        ("word/styles.xml: attribute ascii of rFonts (node 12)", "Times New Roman"),
    ]
    assert verify_chunks(fonts, ROMAN).passed
    # The same words anywhere else are still hits, and a font attribute holding something
    # that is not shaped like a typeface name is searched as usual.
    assert not verify_chunks([("word/document.xml: paragraph 2", "Times New Roman")], ROMAN).passed
    assert not verify_chunks([("word/styles.xml: attribute val of name (node 3)", "Roman")], ROMAN).passed
    odd = [("word/fontTable.xml: attribute name of font (node 8)", "Roman Kowalski <roman@example.org>")]
    assert not verify_chunks(odd, ROMAN).passed


def test_a_child_called_roman_in_a_word_draft(tmp_path, detector) -> None:  # type: ignore[no-untyped-def]
    from docx import Document

    from anonymiser.api import redact_many
    from anonymiser.settings import load_settings

    draft = tmp_path / "draft.docx"
    document = Document()  # its font table and theme name "Times New Roman"
    document.add_paragraph("Roman Kowalski was seen at home. Roman said he was happy.")
    document.save(str(draft))
    case = tmp_path / "case.yml"
    case.write_text('people:\n  - name: "Roman Kowalski"\n    pseudonym: "Child R"\n', encoding="utf-8")
    settings = load_settings(scope="full", case_file=case)
    (outcome,) = redact_many([draft], tmp_path / "out", settings, detector=detector)
    assert outcome.ok, outcome.error
    text = "\n".join(p.text for p in Document(str(tmp_path / "out" / "draft.anonymised.docx")).paragraphs)
    assert "Roman" not in text and "Child R" in text


BROOK = [Variant("BF", case_sensitive=True), Variant("Brook Fairweather", case_sensitive=False)]


def test_colour_codes_are_not_initials() -> None:
    # Word's own styles shade colours by a hex byte ("BF"): someone called Brook Fairweather
    # made every output built on them fail.
    colours = [
        ("word/styles.xml: attribute themeShade of color (node 207)", "BF"),
        ("word/styles.xml: attribute fill of shd (node 9)", "BFBFBF"),
        ("word/styles.xml: attribute val of color (node 4)", "00BFBF"),
    ]
    assert verify_chunks(colours, BROOK).passed
    # Initials anywhere else are still hits, and so is a colour attribute holding words.
    assert not verify_chunks([("word/document.xml: paragraph 2", "BF was seen")], BROOK).passed
    assert not verify_chunks([("word/styles.xml: attribute themeShade of color (node 2)", "BF said")], BROOK).passed


def test_a_person_whose_initials_are_a_colour_in_a_word_draft(tmp_path, detector) -> None:  # type: ignore[no-untyped-def]
    from docx import Document

    from anonymiser.api import redact_many
    from anonymiser.settings import load_settings

    draft = tmp_path / "draft.docx"
    document = Document()  # its styles shade colours by "BF"
    document.add_paragraph("Brook Fairweather visited. BF said the flat was cold.")
    document.save(str(draft))
    case = tmp_path / "case.yml"
    case.write_text('people:\n  - name: "Brook Fairweather"\n    aliases: ["BF"]\n', encoding="utf-8")
    settings = load_settings(scope="full", case_file=case)
    (outcome,) = redact_many([draft], tmp_path / "out", settings, detector=detector)
    assert outcome.ok, outcome.error
    text = "\n".join(p.text for p in Document(str(tmp_path / "out" / "draft.anonymised.docx")).paragraphs)
    assert "Fairweather" not in text and "BF" not in text


STRONG = [Variant("Strong", case_sensitive=False), Variant("Mia Strong", case_sensitive=False)]


def test_words_built_in_style_names_are_not_text_about_the_case() -> None:
    # Every Word package lists Word's latent styles and most define "Strong": a family called
    # Strong made every Word output fail.
    builtin = frozenset({"strong", "heading 1", "heading1"})
    styles = [
        ("word/styles.xml: attribute name of lsdException (node 36)", "Strong"),
        ("word/styles.xml: attribute styleId of style (node 823)", "Strong"),
        ("word/styles.xml: attribute val of name (node 824)", "Strong"),
        ("word/document.xml: attribute val of rStyle (node 12)", "Strong"),
    ]
    assert verify_chunks(styles, STRONG, builtin_styles=builtin).passed
    # A style the author named after the family, and the words in the text, are still hits.
    assert not verify_chunks([("word/styles.xml: attribute val of name (node 3)", "Strong family notes")], STRONG, builtin_styles=builtin).passed
    assert not verify_chunks([("word/document.xml: paragraph 2", "Mia Strong said")], STRONG, builtin_styles=builtin).passed
    # Without the package's own latent list, a style name is searched as usual.
    assert not verify_chunks(styles[1:2], STRONG).passed


def test_a_family_called_strong_in_a_word_draft(tmp_path, detector) -> None:  # type: ignore[no-untyped-def]
    from docx import Document

    from anonymiser.api import redact_many
    from anonymiser.settings import load_settings

    draft = tmp_path / "draft.docx"
    document = Document()  # its styles define "Strong" and list it among the latent styles
    document.add_paragraph("Mia Strong was seen at home. Ms Strong said she was fine.")
    document.save(str(draft))
    (outcome,) = redact_many([draft], tmp_path / "out", load_settings(scope="full"), detector=detector)
    assert outcome.ok, outcome.error
    text = "\n".join(p.text for p in Document(str(tmp_path / "out" / "draft.anonymised.docx")).paragraphs)
    assert "Strong" not in text
