"""Write a proposal as a case file: YAML that ``settings.load_case_file`` reads, with comments
that say where each entry was first found and how sure the tool was.

Every string is written as a JSON string, which is a YAML double-quoted scalar: a name with a
colon, a quote or a hash in it ("St Aldric's", "Flat 2, 9 Quarry Street") cannot change the
file's structure. Comments are one line each, with any line break of the draft's text turned
into a space, so a draft's text cannot end a comment early.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from anonymiser import __version__
from anonymiser.errors import ConfigError
from anonymiser.propose.collect import CaseProposal, ProposedPerson, ProposedTerm
from anonymiser.review_log.writers import write_private
from anonymiser.settings import load_yaml

# The case file's top-level keys, in the order the README's example gives them.
KEYS = ("people", "addresses", "schools", "places", "redact", "keep")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+")


@dataclass(frozen=True)
class ExistingCase:
    """The case file given with ``--case``: its entries as written, and its opening comments."""

    name: str
    data: Mapping[str, Any]
    header: tuple[str, ...]

    @classmethod
    def read(cls, path: Path) -> ExistingCase:
        """Read ``path`` (already checked by ``load_case_file``: this only keeps it as written)."""
        data = load_yaml(path) or {}
        header = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                break
            header.append(line)
        return cls(path.name, data, tuple(header))


def quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _flow(value: Any) -> str:
    """Any YAML value the loader read, written back in flow style (JSON is YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _comment(text: str) -> str:
    return " ".join(_LINE_BREAKS.sub(" ", text).split())


def render_case_file(proposal: CaseProposal, existing: ExistingCase | None = None) -> str:
    """The proposed case file's text. With ``existing``, every entry of it comes first, as it
    was, and the proposal's entries (none of which it lists) follow, each marked NEW."""
    lines = _header(proposal, existing)
    old = existing.data if existing is not None else {}
    new = "NEW: " if existing is not None else ""

    lines.append("people:")
    for entry in old.get("people") or []:
        lines += _existing_person(entry)
    for group, title in (("family", "family"), ("professional", "professionals"), (None, "group not known")):
        people = [p for p in proposal.people if p.group == group]
        if people:
            lines.append(f"  # --- {new}{title}, in order of first appearance")
        for person in people:
            lines += _person(person, new)

    for key in ("addresses", "schools", "places"):
        terms = [t for t in proposal.terms if t.key == key]
        if old.get(key) or terms:
            lines.append(f"{key}:")
            lines += [f"  - {_flow(value)}" for value in old.get(key) or []]
            for term in terms:
                lines += _term(term, f"  - {quoted(term.text)}", new)

    terms = [t for t in proposal.terms if t.key == "redact"]
    if old.get("redact") or terms:
        lines.append("redact:                      # other terms always redacted")
        for entry in old.get("redact") or []:
            lines += _existing_redact(entry)
        for term in terms:
            lines += _term(term, f"  - text: {quoted(term.text)}\n    category: {term.category}", new)

    lines += _keep(proposal, old.get("keep") or [], new)
    return "\n".join(lines) + "\n"


def _header(proposal: CaseProposal, existing: ExistingCase | None) -> list[str]:
    drafts = ", ".join(proposal.drafts)
    lines = [
        "# CONFIDENTIAL: this file names the real people and places of the review. Keep it as the",
        "# review logs are kept (readable by its owner only); never publish or send it with the report.",
        "#",
        f"# PROPOSED case file, written by `anonymiser case` (anonymiser {__version__}, policy "
        f"{proposal.policy}) from {len(proposal.drafts)} draft(s):",
        f"#   {_comment(drafts)}",
        "# Nothing in it is certain: check every entry against the drafts. Delete the people and",
        "# places that are not (each says where it was first found and how), join two entries that",
        "# are one person (move one's name into the other's aliases), set the group, role and",
        "# pseudonym, and uncomment the lines you confirm (a line starting with # is ignored).",
        "# Leaving an entry out never hides a name the tool finds by itself: the case file adds to",
        "# what detection finds.",
    ]
    if existing is not None:
        lines += [
            "#",
            f"# Everything in {existing.name} is kept as it was (its comments other than these opening",
            "# ones are not copied: compare with it); what the drafts add is marked NEW.",
        ]
        if existing.header:
            lines += ["#", f"# {existing.name} opened with:", *existing.header]
    return lines


def _existing_person(entry: Any) -> list[str]:
    if not isinstance(entry, Mapping):
        return [f"  - {_flow(entry)}"]
    lines = []
    for i, (key, value) in enumerate(entry.items()):
        lines.append(f"{'  - ' if i == 0 else '    '}{key}: {_flow(value)}")
    return lines


def _existing_redact(entry: Any) -> list[str]:
    if isinstance(entry, Mapping) and entry:
        return [f"{'  - ' if i == 0 else '    '}{key}: {_flow(value)}" for i, (key, value) in enumerate(entry.items())]
    return [f"  - {_flow(entry)}"]


def _person(person: ProposedPerson, new: str) -> list[str]:
    how = f"found by {', '.join(person.found_by)}" if person.found_by else ""
    drafts = f"named in {person.drafts} drafts" if person.drafts > 1 else ""
    facts = "; ".join(x for x in (f"first in {person.first.describe()}", how, drafts) if x)
    lines = [f"  # {new}{_comment(facts)}"]
    lines += [f"  #   to check: {_comment(d)}" for d in person.doubts]
    if person.group is None:
        lines.append("  #   group not known: family or professional?")
    entry = [f"- name: {quoted(person.name)}"]
    if person.aliases:
        entry.append(f"  aliases: [{', '.join(quoted(a) for a in person.aliases)}]")
    if person.role:
        entry.append(f"  role: {quoted(person.role)}")
    if person.group:
        entry.append(f"  group: {person.group}")
    if person.pseudonym:
        entry.append(f"  pseudonym: {quoted(person.pseudonym)}")
    if person.left_out:
        lines.append(f"  #   left out, uncomment if right: {_comment(person.left_out)}")
        return lines + [f"  # {line}" for line in entry]
    return lines + [f"  {line}" for line in entry]


def _term(term: ProposedTerm, entry: str, new: str) -> list[str]:
    how = f"found by {', '.join(term.found_by)}" if term.found_by else ""
    facts = "; ".join(x for x in (f"first in {term.first.describe()}", how, *term.doubts) if x)
    lines = [f"  # {new}{_comment(facts)}"]
    if term.left_out:
        lines.append(f"  #   left out, uncomment if right: {_comment(term.left_out)}")
        return lines + [f"  #{line[1:]}" for line in entry.split("\n")]
    return lines + entry.split("\n")


def _keep(proposal: CaseProposal, old: Sequence[Any], new: str) -> list[str]:
    lines = []
    if old:
        lines.append("keep:")
        lines += [f"  - {_flow(value)}" for value in old]
    if not proposal.keep:
        return lines
    lines.append(
        f"# {new}Proposed to keep (the {proposal.policy} policy keeps these already; listed, they are never"
    )
    lines.append("# redacted, whatever finds them): uncomment the lines you confirm, and add the names")
    lines.append("# on the cover (the author, the chair) that the report may give.")
    if not old:
        lines.append("# keep:")
    for term in proposal.keep:
        lines.append(f"#   - {quoted(term.text)}    # {_comment(term.note)}")
    return lines


CASE_SUFFIXES = (".yml", ".yaml")


def check_out(out: Path, *, force: bool = False, case: Path | None = None) -> None:
    """Refuse, before any draft is read, an ``--out`` that is not a new case file: not YAML
    (a slip that names a draft), a folder, the ``--case`` file itself (whose comments the
    proposal does not keep), or a file already there without ``force``."""
    if out.suffix.lower() not in CASE_SUFFIXES:
        raise ConfigError(f"{out}: the case file to write must end in .yml or .yaml")
    if out.is_dir():
        raise ConfigError(f"{out}: is a folder; give the case file's name, e.g. {out / 'case.yml'}")
    if case is not None and out.exists() and case.exists() and out.resolve() == case.resolve():
        raise ConfigError(f"{out}: is the --case file; write the proposal beside it and compare")
    if out.exists() and not force:
        raise ConfigError(f"{out}: already exists; give --force to replace it")


def write_case_file(out: Path, text: str, *, force: bool = False, case: Path | None = None) -> None:
    """Write the proposed case file owner-only, as the review logs are written: it names
    everyone. Never replaces a file unless ``force``."""
    check_out(out, force=force, case=case)
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        write_private(out, text.encode("utf-8"), new_only=not force)
    except FileExistsError:  # made since the check
        raise ConfigError(f"{out}: already exists; give --force to replace it") from None
    except OSError as exc:
        raise ConfigError(f"{out}: cannot be written ({exc.strerror})") from None
