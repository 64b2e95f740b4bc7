"""Named medicines, from the drug-named-entity-recognition package's dictionary.

A named prescription is a rare feature that can identify a family; published reviews write
"(specified medication)". Drug names and synonyms are matched exactly on the spaCy tokens
the model already made, so no second tokenisation is needed.
"""

from __future__ import annotations

import bz2
import importlib.util
import pickle
import re
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from wordfreq import zipf_frequency

from anonymiser.detect.list_cache import cached_lines, source_digest
from anonymiser.errors import ModelNotInstalled

# Drug dictionaries include ordinary words that are also brand names or synonyms ("Calm",
# "Alert", "Today", "at 10", "all clear"); a match whose words are all common English words
# (figures apart) is skipped.
COMMON_WORD_ZIPF = 4.0


MAX_TOKENS = 4  # longer drug names ("abacavir, dolutegravir, and lamivudine") are combinations
_HYPHEN = re.compile(r"\s*-\s*")
_LETTERS = re.compile(r"[^\W\d_]+")


# The dictionary holds some plurals of English words as synonyms ("indicators": "clear
# indicators of exploitation" read "clear (specified medication)", session 13). A plural in
# lower case whose singular is an English word at least this common, and no drug name itself,
# is that word ("statins", "opioids" stay: their singulars are drug names).
PLURAL_WORD_ZIPF = 3.5


def _plural_of_a_word(matched: str, names: frozenset[str]) -> bool:
    if not re.fullmatch(r"[a-z]+[^s]s", matched):
        return False
    singular = matched[:-1]
    return singular not in names and zipf_frequency(singular, "en") >= PLURAL_WORD_ZIPF


def _data_file() -> Path:
    spec = importlib.util.find_spec("drug_named_entity_recognition")
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotInstalled("the drug-named-entity-recognition package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "drug_ner_dictionary.pkl.bz2"


def load_drug_names(data: bytes | None = None) -> frozenset[str]:
    """Every drug name and synonym in the library's shipped dictionary, lower case.

    Read from the data file directly: importing the library also builds a fuzzy-match index
    over all 107,000 names, about 3 s in every new process, and we only match exactly.
    """
    data = _data_file().read_bytes() if data is None else data
    # Decompressed in one call, which lets other threads run (the model loads meanwhile);
    # unpickling straight from the compressed stream took the interpreter lock between its
    # many small reads, and the two loads took turns instead of running side by side.
    raw = bz2.decompress(data)
    # The package's own data file, installed with it (not user input).
    table = pickle.loads(raw)  # noqa: S301
    return frozenset(name.lower() for name in table["drug_variant_to_canonical"])


def _derive(names: frozenset[str]) -> tuple[frozenset[str], dict[str, int]]:
    """The names as matched, and for each word that starts one, how many words its longest
    name has: most words start none, so most tokens are passed over after one look-up."""
    # The model's tokens split a hyphenated name ("Co-codamol" is "co", "-", "codamol"), and
    # tokens are looked up joined by spaces: such names are also held in that form, or
    # co-codamol, co-amoxiclav and co-trimoxazole were never found.
    names |= frozenset(_HYPHEN.sub(" - ", name) for name in names if "-" in name)
    longest: dict[str, int] = {}
    for name in names:
        words = name.split(" ")
        if len(words) <= MAX_TOKENS:
            longest[words[0]] = max(longest.get(words[0], 0), len(words))
    return names, longest


def _names_and_index() -> tuple[frozenset[str], dict[str, int]]:
    """``_derive`` of the library's names, through the list cache (list_cache.py): building
    it took 0.6 s in every new process, reading it back a few hundredths. The cached copy is
    named by the data file's bytes and this module's code, so a new dictionary or a change
    to how names are derived here is a new copy."""
    data = _data_file().read_bytes()
    source = source_digest(data, Path(__file__).read_bytes())
    derived: list[tuple[frozenset[str], dict[str, int]]] = []

    def build() -> tuple[frozenset[str], dict[str, int]]:
        if not derived:
            derived.append(_derive(load_drug_names(data)))
        return derived[0]

    names = frozenset(cached_lines("drug-names", source, lambda: build()[0]))
    starts = cached_lines("drug-name-starts", source, lambda: (f"{w} {n}" for w, n in build()[1].items()))
    longest = {word: int(size) for word, _, size in (line.rpartition(" ") for line in starts)}
    return names, longest


class MedicationRecogniser(EntityRecognizer):
    """MEDICATION: a medicine named in the text (sertraline, methadone, Calpol)."""

    NAME = "MedicationRecogniser"

    def __init__(self, supported_language: str = "en") -> None:
        self._names: frozenset[str] = frozenset()
        self._longest: dict[str, int] = {}
        self._loading: Future[tuple[frozenset[str], dict[str, int]]] | None = None
        self._reader: ThreadPoolExecutor | None = None
        super().__init__(
            supported_entities=["MEDICATION"], name=self.NAME, supported_language=supported_language
        )

    def load(self) -> None:
        # Read in a background thread: most of the 0.6 s is bz2 decompression, which lets
        # the model load meanwhile (every batch worker pays this at start-up).
        # ``wait_loaded`` (called by the detector once the model is loaded) collects it.
        self._reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="drug-names")
        self._loading = self._reader.submit(_names_and_index)

    def wait_loaded(self) -> None:
        """Finish loading (raising what loading raised); later calls do nothing."""
        if self._loading is not None:
            try:
                self._names, self._longest = self._loading.result()
            finally:
                # The thread is gone when this returns: a batch may fork this process next.
                self._reader.shutdown(wait=True)
                self._loading = None

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if nlp_artifacts is None or nlp_artifacts.tokens is None:
            return []
        self.wait_loaded()
        doc: Any = nlp_artifacts.tokens
        # The detector's artifacts carry each token's lower-case text as its lemma (model.py).
        words = nlp_artifacts.lemmas
        results = []
        index = self._longest
        # Only the tokens that open a drug name are looked at: most tokens open none, and a
        # step per token of a long draft was most of this recogniser's time.
        free = 0  # the first token not inside a drug name already found
        for i in [n for n, word in enumerate(words) if word in index]:
            if i < free:
                continue
            # The longest run of tokens starting here that is a drug name.
            size = next(
                (
                    n
                    for n in range(min(index[words[i]], len(words) - i), 0, -1)
                    if " ".join(words[i : i + n]) in self._names
                ),
                0,
            )
            if size == 0:
                continue
            span = doc[i : i + size]
            free = i + size
            matched = " ".join(t.text for t in span)
            if not any(ch.isalpha() for ch in matched):
                continue
            if all(zipf_frequency(w, "en") >= COMMON_WORD_ZIPF for w in _LETTERS.findall(matched.lower())):
                # Only common words and figures: the sentence's own words ("at 10" of "at
                # 10pm", "all clear", "brown rice"), which the dictionary holds as synonyms.
                continue
            if _plural_of_a_word(matched, self._names):
                continue
            end = span[-1].idx + len(span[-1].text)
            if end < len(text) and text[end].isalnum():
                continue  # ends inside a word of the text ("at 10" of "at 10pm")
            results.append(
                RecognizerResult(
                    entity_type="MEDICATION",
                    start=span[0].idx,
                    end=end,
                    score=0.8,
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
            )
        return results
