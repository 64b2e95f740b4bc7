"""The appendix of IMR recommendations: "Appendix 1: Recommendations from agency Individual
Management Reviews".

Each IMR is read, its recommendations section and agency found (``decide.recommendations``),
and the appendix is laid out once as a Word document and once as plain text. Both are raw
drafts: they still hold whatever names the recommendations mention. They are written to a
private temporary folder beside the output and each is run through the same pipeline as any
draft (``process_document``: detect, decide, write, verify, log), with the run's case file
and policy and the whole-document scope. The two anonymised texts must agree paragraph for
paragraph, so the one review log describes both. Only then are the four outputs moved into
place together:

    FILE.docx, FILE.txt, FILE.review.csv, FILE.review.json

On any failure nothing is moved, the temporary folder is removed, and an ``AnonymiserError``
names the file at fault.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from anonymiser.api import expand_inputs
from anonymiser.batch.people import assign_labels, people_in
from anonymiser.decide.recommendations import (
    APPENDIX_TITLE,
    UNNAMED_AGENCY,
    AgencyRecommendations,
    extract_recommendations,
    group_by_agency,
    render_appendix,
)
from anonymiser.decide.scope import SectionRules, classify_sections, find_sections
from anonymiser.detect.engine import Detector
from anonymiser.errors import AnonymiserError, ConfigError
from anonymiser.pipeline import OutputNames, analyse, process_document
from anonymiser.read import read_document
from anonymiser.read.limits import InputLimits
from anonymiser.records import Outcome
from anonymiser.review_log.writers import write_json
from anonymiser.settings import CasePerson, Settings
from anonymiser.write.safe_output import StagedOutputs


class AppendixError(AnonymiserError):
    """The appendix could not be built safely; the message names the file at fault."""


@dataclass(frozen=True)
class AppendixNames:
    """The four files ``--out FILE.docx`` stands for."""

    docx: Path
    text: Path
    csv: Path
    json: Path

    @classmethod
    def for_output(cls, out: Path) -> AppendixNames:
        if out.suffix.lower() != ".docx" or not out.stem:
            raise ConfigError(f"{out}: the appendix output must be a .docx file name, such as appendix.docx")
        stem = out.with_suffix("")
        return cls(
            docx=out,
            text=stem.with_name(f"{stem.name}.txt"),
            csv=stem.with_name(f"{stem.name}.review.csv"),
            json=stem.with_name(f"{stem.name}.review.json"),
        )

    def all(self) -> list[Path]:
        return [self.docx, self.text, self.csv, self.json]


@dataclass(frozen=True)
class AppendixSource:
    """One IMR as the appendix uses it: where it came from and what was found in it."""

    path: Path
    sha256: str
    recommendations: AgencyRecommendations

    @property
    def agency_found(self) -> bool:
        return bool(self.recommendations.agency)


@dataclass(frozen=True)
class AppendixResult:
    """What ``build_appendix`` wrote: the outputs (the .docx last) and the IMRs it read."""

    outputs: list[Path]
    sources: list[AppendixSource]
    outcome: Outcome


# -- reading the IMRs ----------------------------------------------------------------------


def appendix_inputs(paths: Sequence[Path], out: Path | None = None) -> list[Path]:
    """The IMRs named: files as given, folders expanded (sorted). The appendix's own outputs
    are never read back as an IMR when the output sits in an input folder."""
    own = {p.resolve() for p in AppendixNames.for_output(out).all()} if out is not None else set()
    return [p for p in expand_inputs(paths) if p.resolve() not in own]


def collect_recommendations(
    paths: Sequence[Path], rules: SectionRules, limits: InputLimits | None = None
) -> list[AppendixSource]:
    """Read each IMR and find its agency and recommendations, in the order given.

    Raises the reader's InputError (naming the file) for a draft that cannot be read.
    """
    sources = []
    for path in paths:
        doc = read_document(path, limits)
        sections = classify_sections(find_sections(doc.units, rules), doc.units, rules)
        sources.append(AppendixSource(path, doc.sha256, extract_recommendations(doc.units, sections, rules)))
    return sources


def people_named_in(
    paths: Sequence[Path], settings: Settings, detector: Detector, limits: InputLimits | None = None
) -> list[CasePerson]:
    """Every person redacted anywhere in the IMRs (whole documents), with the forms each IMR
    found them by, who is not in the case file already; in the order of the IMRs. Each
    carries the label a batch of the same IMRs gives them (``assign_labels``, the IMRs in
    order of file name as a batch of their folder takes them), so that the appendix names
    "Police Researcher 1" as the IMRs' anonymised versions do, not "Person A" in the order
    the recommendations happen to name people."""
    listed = {p.name.lower() for p in settings.case.people}
    decided = [(path, analyse(read_document(path, limits), settings, detector)[0]) for path in paths]
    batch_order = sorted(range(len(decided)), key=lambda i: (decided[i][0].name, str(decided[i][0])))
    in_use = frozenset(label for _path, decisions in decided for label in decisions.labels_in_use)
    batch_labels = assign_labels([people_in(decided[i][1], settings) for i in batch_order], settings, in_use)
    labels = {i: batch_labels[n] for n, i in enumerate(batch_order)}
    found: dict[str, CasePerson] = {}
    for index, (_path, decisions) in enumerate(decided):
        for entity in decisions.entities:
            if entity.category != "PERSON" or entity.action != "redact" or entity.text.lower() in listed:
                continue
            forms = {o.text for o in entity.occurrences} | set(entity.variants)
            aliases = tuple(sorted(f for f in forms if f.strip() and f.lower() != entity.text.lower()))
            known = found.get(entity.text.lower())
            if known is not None:
                aliases = tuple(sorted(set(known.aliases) | set(aliases)))
            found[entity.text.lower()] = CasePerson(
                name=known.name if known else entity.text,
                aliases=aliases,
                group=entity.group,
                pseudonym=known.pseudonym if known else labels[index].get(entity.text),
            )
    return list(found.values())


def with_people(settings: Settings, people: Sequence[CasePerson]) -> Settings:
    """``settings`` with ``people`` added to the case file, with the pseudonyms they carry."""
    if not people:
        return settings
    return replace(settings, case=replace(settings.case, people=(*settings.case.people, *people)))


# -- the raw (not yet anonymised) appendix -------------------------------------------------

Lines = Sequence[tuple[str, int | None]]


def write_raw_docx(lines: Lines, dest: Path, title: str = APPENDIX_TITLE) -> None:
    """The appendix as a Word document: level-1 lines in Heading 1, level-2 in Heading 2,
    the rest as normal paragraphs."""
    import docx  # python-docx: only needed here, to build a fresh document

    document = docx.Document()
    # python-docx's template names itself as author and comment; the appendix's properties
    # say only what it is (they are anonymised and verified like the body). No author: the
    # tool's name there was a rare word the review log asked the consultant about.
    props = document.core_properties
    props.author = ""
    props.last_modified_by = ""
    props.comments = ""
    props.title = title
    for text, level in lines:
        if level is None:
            document.add_paragraph(text)
        else:
            document.add_heading(text, level=min(max(level, 1), 9))
    document.save(str(dest))


def write_raw_text(lines: Lines, dest: Path) -> None:
    """The appendix as plain text: one paragraph per line, blank lines between."""
    dest.write_text("\n\n".join(text for text, _level in lines) + "\n", encoding="utf-8")


# -- building ------------------------------------------------------------------------------


def build_appendix(
    paths: Sequence[Path],
    out: Path,
    settings: Settings,
    detector: Detector | None = None,
    limits: InputLimits | None = None,
    *,
    make_detector: Callable[[Settings], Detector] = Detector,
    title: str = APPENDIX_TITLE,
) -> AppendixResult:
    """Read the IMRs in ``paths`` (files or folders) and write the anonymised appendix to
    ``out`` (a .docx) with ``.txt``, ``.review.csv`` and ``.review.json`` beside it.

    The IMRs are all read before the model is loaded, so a bad input fails fast. The
    appendix is anonymised with ``settings`` (policy and case file) at scope "full". Raises
    an ``AnonymiserError`` on any failure, leaving none of the outputs behind.
    """
    names = AppendixNames.for_output(out)
    limits = limits or InputLimits()
    inputs = appendix_inputs(paths, out)
    if not inputs:
        raise ConfigError("no .docx, .txt or .md IMRs found in the paths given")
    sources = collect_recommendations(inputs, settings.sections, limits)
    lines = render_appendix([s.recommendations for s in sources], title=title)
    full = replace(settings, scope="full")  # the appendix is a whole document of its own
    if detector is None:
        detector = make_detector(full)
    try:
        # A recommendation often names someone by a surname alone ("check whether Castle is
        # living there"), which the IMR's own redaction catches only because the full name
        # is elsewhere in the IMR. The appendix holds the recommendations alone, so it is
        # anonymised knowing every person the IMRs name, as if they were in the case file.
        full = with_people(full, people_named_in(inputs, full, detector, limits))
    except AnonymiserError:
        raise
    except Exception as exc:  # fail closed, as below
        raise AppendixError(f"{out}: internal error ({type(exc).__name__}); nothing was written") from exc

    names.docx.parent.mkdir(parents=True, exist_ok=True)
    try:
        # Beside the output (same file system, so the moves are renames) and private: the
        # raw appendix holds un-anonymised text.
        with tempfile.TemporaryDirectory(prefix=".anonymiser-appendix-", dir=names.docx.parent) as work:
            return _build_in(Path(work), names, sources, lines, full, detector, limits, title)
    except AnonymiserError:
        raise
    except Exception as exc:  # fail closed: a bug is a failed appendix, never a partial one
        raise AppendixError(f"{out}: internal error ({type(exc).__name__}); nothing was written") from exc


def _build_in(
    work: Path,
    names: AppendixNames,
    sources: list[AppendixSource],
    lines: Lines,
    settings: Settings,
    detector: Detector,
    limits: InputLimits,
    title: str,
) -> AppendixResult:
    stem = names.docx.stem
    raw = work / "raw"
    docx_out, text_out = work / "docx", work / "text"
    for folder in (raw, docx_out, text_out):
        folder.mkdir(mode=0o700)
    raw_docx, raw_text = raw / f"{stem}.docx", raw / f"{stem}.txt"
    write_raw_docx(lines, raw_docx, title)
    write_raw_text(lines, raw_text)

    record = {"appendix": _sources_record(sources, names, title)}
    outcome = _run(raw_docx, docx_out, settings, detector, limits, names.docx, record)
    _run(raw_text, text_out, settings, detector, limits, names.text, None)

    done_docx = docx_out / OutputNames.for_input(raw_docx).document
    done_text = text_out / OutputNames.for_input(raw_text).document
    _check_same_text(done_docx, done_text, limits, names)

    log_names = OutputNames.for_input(raw_docx)
    log_json = docx_out / log_names.json
    log = json.loads(log_json.read_text(encoding="utf-8"))
    # The pipeline named the output after the raw file; the log names what is published.
    log["output"]["name"] = names.docx.name
    log["appendix"]["text_version"] = {
        "name": names.text.name,
        "sha256": hashlib.sha256(done_text.read_bytes()).hexdigest(),
    }
    write_json(log_json, log)

    with StagedOutputs(names.docx.parent, stem) as staged:
        for done, final in (
            (done_text, names.text),
            (docx_out / log_names.csv, names.csv),
            (log_json, names.json),
            (done_docx, names.docx),
        ):
            shutil.move(str(done), str(staged.path_for(final.name)))
        published = staged.publish(last=names.docx.name)
    outcome = replace(outcome, outputs=[str(p) for p in published])
    return AppendixResult(outputs=published, sources=sources, outcome=outcome)


def _run(
    raw: Path,
    out_dir: Path,
    settings: Settings,
    detector: Detector,
    limits: InputLimits,
    final: Path,
    record: dict[str, object] | None,
) -> Outcome:
    try:
        return process_document(raw, out_dir, settings, detector, limits, extra_log=record)
    except AnonymiserError as exc:
        # The pipeline names its input, the raw appendix in the temporary folder, which is
        # about to vanish; name the output the user asked for instead.
        detail = str(exc).replace(str(raw), final.name)
        raise AppendixError(f"{final}: the appendix was not written: {detail}") from None


def _check_same_text(done_docx: Path, done_text: Path, limits: InputLimits, names: AppendixNames) -> None:
    """The .docx and .txt must say the same, paragraph for paragraph: the review log was made
    from the .docx and has to describe the .txt as well."""
    body = [
        u.text.strip()
        for u in read_document(done_docx, limits).units
        if u.kind == "paragraph" and u.location.part == "body" and u.location.cell is None
    ]
    text = [u.text.strip() for u in read_document(done_text, limits).units]
    if body != text:
        raise AppendixError(
            f"{names.docx}: the Word and text versions of the appendix were anonymised differently; "
            "nothing was written (please report this)"
        )


def _sources_record(sources: Sequence[AppendixSource], names: AppendixNames, title: str) -> dict[str, object]:
    heading = headings(sources)
    return {
        "title": title,
        "outputs": [p.name for p in names.all()],
        "sources": [
            {
                "name": s.path.name,
                "sha256": s.sha256,
                "agency": s.recommendations.agency or UNNAMED_AGENCY,
                "agency_found": s.agency_found,
                "recommendations": len(s.recommendations.items),
                "heading": heading[i],  # the number of the agency's heading in the appendix
            }
            for i, s in enumerate(sources)
        ],
    }


def headings(sources: Sequence[AppendixSource]) -> list[int]:
    """The number of the heading each IMR's recommendations are listed under (IMRs of one
    agency share one: see ``group_by_agency``)."""
    out = [0] * len(sources)
    for number, group in enumerate(group_by_agency([s.recommendations for s in sources]), start=1):
        for position in group.sources:
            out[position] = number
    return out


def shared_headings(sources: Sequence[AppendixSource]) -> list[str]:
    """Notes for the consultant: agencies whose IMRs were listed under one heading, with
    the spellings found when they differ, so a wrong merge or a wrong name is seen."""
    notes = []
    for number, group in enumerate(group_by_agency([s.recommendations for s in sources]), start=1):
        if len(group.sources) < 2:
            continue
        files = ", ".join(sources[i].path.name for i in group.sources)
        spellings = sorted({sources[i].recommendations.agency or "" for i in group.sources})
        spelt = f" (spelt {' / '.join(repr(n) for n in spellings)})" if len(spellings) > 1 else ""
        notes.append(
            f"{files}: one agency{spelt}, listed once as heading {number}. {group.agency.agency}"
        )
    return notes


def problems(sources: Sequence[AppendixSource]) -> list[str]:
    """Warnings for the consultant: IMRs whose agency or recommendations were not found."""
    out = []
    for s in sources:
        if not s.agency_found:
            out.append(f"{s.path}: no agency name found on the title page or in a heading; listed as {UNNAMED_AGENCY}")
        if not s.recommendations.items:
            out.append(f"{s.path}: no recommendations section found (see 'recommendations' in patterns/sections.yml)")
    return out
