"""After writing: re-open the output and look for every string that was redacted.

Any hit means the writer left something behind (a part it did not rewrite, a run it did not
reach). The caller deletes the output and fails the document; the error names the part and
place, never the text. Verification searches with exactly the variants that the decide stage
propagated (see ``anonymiser.detect.names``), whole words, case-insensitive except for
initials and names that are also ordinary words, which match capitalised or in capitals.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from urllib.parse import unquote

from anonymiser.decide.keep import TermMatcher
from anonymiser.detect.names import Variant, compile_variants
from anonymiser.read.limits import InputLimits
from anonymiser.read.ooxml import Package, open_package
from anonymiser.records import VerificationReport

MAX_HITS_REPORTED = 20
# Language tags in w:lang ("ar-SA", "en-GB") are codes, not text: two-letter initials such as
# "SA" would otherwise match them. Only these attributes, and only values shaped like a tag.
_LANGUAGE_ATTRIBUTE = re.compile(r": attribute (?:val|bidi|eastAsia) of lang \(")
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
# Typeface names ("Times New Roman", "Georgia", "Gill Sans", "Franklin Gothic") are the font
# catalogue's words, not text about the case: a child called Roman or Georgia, or a family
# called Gill, made every Word output fail, because every package names its fonts in the
# font table, the theme and the styles. Only the attributes that name a typeface, and only
# values shaped like one.
_FONT_ATTRIBUTE = re.compile(
    r": attribute (?:name of font|val of altName|(?:ascii|hAnsi|eastAsia|cs) of rFonts|font of sym"
    r"|typeface of (?:latin|ea|cs|sym|font|buFont)) \("
)
_FONT_NAME = re.compile(r"[^\W_][\w .+&'\u2019()\-]{0,63}")
# Colours are hex codes: a theme tint or shade is one byte ("BF", "D9", "CC"), which is also
# the initials of someone called Brook Fairweather, so every document built on Word's own
# styles (the appendix's are) failed for such a person. Only the attributes that hold a
# colour, and only values shaped like one.
_COLOUR_ATTRIBUTE = re.compile(
    r": attribute (?:themeShade|themeTint|themeFillShade|themeFillTint|fill|color) of \w+ \("
    r"|: attribute (?:val|lastClr) of (?:color|srgbClr|sysClr) \("
)
_COLOUR_VALUE = re.compile(r"[0-9A-Fa-f]{2}|[0-9A-Fa-f]{6}")
# Word's own style names ("Strong", "Emphasis", "Title", "Quote") are its catalogue, as typefaces
# are: a family called Strong made every Word output fail, since every package lists the
# latent styles and most define "Strong". The latent list itself is exempt, and a style's id,
# name or reference only when it is one of the names that list gives (``builtin_styles``): a
# style the author named ("Kian notes") is still searched.
_LATENT_STYLE = re.compile(r": attribute name of lsdException \(")
_STYLE_ATTRIBUTE = re.compile(
    r": attribute (?:styleId of style|val of (?:name|pStyle|rStyle|tblStyle|basedOn|next|link)) \("
)


# Identifiers and addresses join words without spaces: a bookmark "Declan_Whitlow", a form
# field "LornaPennyfeather", a link "subject=Lorna%20Pennyfeather", a picture
# "images/lorna_pennyfeather.jpg". A whole-word search finds none of them, so every chunk
# that reads differently with those joins opened is searched a second time, opened.
_JOINERS = re.compile(r"[_+]+")
# CamelCase is split only where a person chose the identifier: bookmark, form-field and
# anchor names, field codes, link targets, lines of a text draft. Word's own enumerations
# ("firstCol", "band1Horz") would otherwise yield "Col" or "Horz", read as short names.
# Only a capitalised word is split off, so ids such as "rL1" never yield a lone initial.
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])|(?<=[a-z]{2})(?=[0-9])|(?<=[0-9])(?=[A-Z][a-z])")
_CHOSEN_NAMES = re.compile(
    r"relationship target|: attribute (?:name of bookmarkStart|val of name|val of docPart|anchor of hyperlink|instr of fldSimple)"
    r"|: text of (?:instrText|delInstrText)|^line \d+$|^the output's file name"
)


def as_words(text: str, camel: bool = True) -> str:
    """``text`` with percent-escapes decoded, underscores read as spaces and, if ``camel``,
    CamelCase words apart."""
    opened = _JOINERS.sub(" ", unquote(text) if "%" in text else text)
    return _CAMEL.sub(" ", opened) if camel else opened


def _with_words(chunks: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    for place, text in chunks:
        yield place, text
        if text:
            opened = as_words(text, camel=bool(_CHOSEN_NAMES.search(place)))
            if opened != text:
                yield f"{place} (read as words)", opened


def output_chunks(
    path: Path, kind: str, limits: InputLimits, name: str | None = None, package: Package | None = None
) -> Iterable[tuple[str, str]]:
    return _with_words(_output_chunks(path, kind, limits, name, package))


def _output_chunks(
    path: Path, kind: str, limits: InputLimits, name: str | None = None, package: Package | None = None
) -> Iterable[tuple[str, str]]:
    """Every piece of text in a written output, with a place description.

    The file's own name comes first: the output is named after the draft, and a draft saved
    as "Kian Marsh SCR v3.docx" would publish the child's name on the file. Underscores, dots
    and hyphens are read as spaces there, so that "Kian_Marsh" holds two whole words.
    ``name`` is the name the file will be published under, when ``path`` is a staged copy;
    ``package``, the .docx at ``path`` if the caller has opened it already.
    """
    yield "the output's file name (rename the draft)", re.sub(r"[_.\-]+", " ", name or path.name)
    if kind == "docx":
        from anonymiser.verify.package_text import chunks_of

        yield from chunks_of(package or open_package(path, limits))
        return
    text = path.read_bytes().decode("utf-8-sig")
    yield from ((f"line {n}", line) for n, line in enumerate(text.split("\n"), start=1))


def _allowed_spans(
    text: str, allowed: re.Pattern[str] | None, terms: TermMatcher | None
) -> list[tuple[int, int]]:
    spans = [] if allowed is None else [(m.start(), m.end()) for m in allowed.finditer(text)]
    return spans if terms is None else spans + terms.spans(text)


def verify_chunks(
    chunks: Iterable[tuple[str, str]],
    secrets: Sequence[Variant],
    allowed: Sequence[str] = (),
    loose: Sequence[Variant] = (),
    loose_allowed: Sequence[str] = (),
    terms: TermMatcher | None = None,
    builtin_styles: frozenset[str] = frozenset(),
) -> VerificationReport:
    """Search every chunk for every secret; return a report with the places of any hits.

    A hit wholly inside an ``allowed`` text is not a leak: our own labels ("Person C" holds
    the initial "C"), and the practice ``terms`` ("Clare's Law" holds "Clare"), which come
    compiled with the settings. ``loose`` secrets
    (places the model found) may also stand inside ``loose_allowed`` texts (the agency names
    the policy keeps, "Westmere Constabulary"); everywhere else they are leaks too.
    """
    started = time.perf_counter()
    checks = [
        (compile_variants(secrets), _compile_texts(allowed)),
        (compile_variants(loose), _compile_texts([*allowed, *loose_allowed])),
    ]
    checks = [(pattern, ok) for pattern, ok in checks if pattern is not None]
    hits: list[str] = []
    parts: set[str] = set()
    clean: set[str] = set()  # texts already searched and found clean (style ids repeat)
    for place, text in chunks:
        parts.add(place.split(":", 1)[0])
        if not checks or not text or text in clean:
            continue
        if _LANGUAGE_ATTRIBUTE.search(place) and _LANGUAGE_TAG.fullmatch(text):
            continue
        # In a typeface's name only a hit of more than one word counts: "Kezia Fairbairn" as a
        # font is no typeface's coincidence, "Georgia" is.
        typeface = bool(
            (_FONT_ATTRIBUTE.search(place) or _LATENT_STYLE.search(place)) and _FONT_NAME.fullmatch(text)
        )
        if _COLOUR_ATTRIBUTE.search(place) and _COLOUR_VALUE.fullmatch(text):
            continue
        if _STYLE_ATTRIBUTE.search(place) and text.casefold() in builtin_styles:
            continue
        found = passed_over = False
        for pattern, ok in checks:
            spans: list[tuple[int, int]] | None = None
            for match in pattern.finditer(text):
                if typeface and not any(c.isspace() for c in match.group(0)):
                    passed_over = True
                    continue
                if spans is None:
                    spans = _allowed_spans(text, ok, terms)
                if any(s <= match.start() and match.end() <= e for s, e in spans):
                    continue
                found = True
                if len(hits) < MAX_HITS_REPORTED:
                    hits.append(f"{place}, characters {match.start()}-{match.end()}")
        if not found and not passed_over:
            clean.add(text)  # not when a typeface's word was let pass: elsewhere it is a hit
    return VerificationReport(
        ran=True,
        passed=not hits,
        strings_checked=len(secrets) + len(loose),
        parts_checked=len(parts),
        seconds=round(time.perf_counter() - started, 3),
        hits=hits,
    )


def _compile_texts(texts: Iterable[str]) -> re.Pattern[str] | None:
    return compile_variants(Variant(t, case_sensitive=False) for t in set(texts) if t.strip())


def verify_output(
    path: Path,
    kind: str,
    secrets: Sequence[Variant],
    limits: InputLimits,
    allowed: Sequence[str] = (),
    loose: Sequence[Variant] = (),
    loose_allowed: Sequence[str] = (),
    terms: TermMatcher | None = None,
    name: str | None = None,
) -> VerificationReport:
    started = time.perf_counter()
    # A .docx is opened once, for its text, its latent style list and what must be gone.
    package = open_package(path, limits) if kind == "docx" else None
    builtin: frozenset[str] = frozenset()
    if package is not None:
        from anonymiser.verify.package_text import latent_style_names

        builtin = latent_style_names(package)
    report = verify_chunks(
        output_chunks(path, kind, limits, name, package), secrets, allowed, loose, loose_allowed, terms, builtin
    )
    if package is not None:
        from anonymiser.verify.package_text import removed_places

        leftovers = removed_places(package)
        if leftovers:
            report.hits = (leftovers + report.hits)[:MAX_HITS_REPORTED]
            report.passed = False
    report.seconds = round(time.perf_counter() - started, 3)
    return report
