"""What the review screen shows and saves: a log's rows, its draft's text, its sections.

The CSV is the consultant's working copy (its ``decision`` and ``replacement`` columns and
any added rows); the JSON beside it gives each row's occurrences and what it first proposed;
the draft gives the text. A draft is found by the name the log records and accepted only
if its SHA-256 matches, so the highlights are always in the right places.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from anonymiser.detect.names import Variant, compile_variants, find_all, name_variants
from anonymiser.errors import AnonymiserError, ConfigError
from anonymiser.read import read_document
from anonymiser.read.limits import InputLimits
from anonymiser.records import TextUnit
from anonymiser.review.decisions import PASSAGE, PERSON, SECTION, load_log
from anonymiser.review.logfiles import write_rows
from anonymiser.review_log.rows import COLUMNS, context_of
from anonymiser.review_log.writers import read_csv_rows

ENTITY_DECISIONS = ("", "redact", "keep")
SECTION_DECISIONS = ("", "keep", "drop")
# Rows decided keep or drop: sections, and passages (runs of a kept section's paragraphs).
SECTION_ROWS = (SECTION, PASSAGE)
MAX_TEXT = 300
MAX_REPLACEMENT = 200
_CATEGORY = re.compile(r"[A-Z][A-Z0-9_]{1,39}")
# Offered in the "add a redaction" form; any category the log already uses is offered too.
COMMON_CATEGORIES = (
    "PERSON", "LOCATION", "ADDRESS", "DATE", "DATE_OF_BIRTH", "DATE_OF_DEATH", "AGE", "SCHOOL", "NURSERY", "HOSPITAL",
    "GP_PRACTICE", "ORGANISATION", "PHONE", "EMAIL", "REFERENCE", "NHS_NUMBER", "NI_NUMBER", "CONDITION",
    "ETHNICITY", "OTHER",
)


@dataclass(frozen=True)
class LogFiles:
    """One review log in the folder: NAME.review.csv with NAME.review.json beside it."""

    stem: str
    csv: Path
    json: Path


def find_logs(folder: Path) -> list[LogFiles]:
    out = []
    for csv_path in sorted(folder.glob("*.review.csv")):
        json_path = csv_path.with_suffix(".json")
        if json_path.is_file():
            out.append(LogFiles(csv_path.name[: -len(".review.csv")], csv_path, json_path))
    return out


def find_draft(log: Mapping[str, Any], search: Sequence[Path]) -> Path | None:
    """The draft a log was made from: its recorded name, in one of ``search``, with the
    recorded SHA-256."""
    name = str((log.get("input") or {}).get("name", ""))
    sha = str((log.get("input") or {}).get("sha256", ""))
    if not name or "/" in name or "\\" in name:
        return None
    for folder in search:
        candidate = folder / name
        if candidate.is_file() and hashlib.sha256(candidate.read_bytes()).hexdigest() == sha:
            return candidate
    return None


def _spans_of(text: str, category: str, units: Sequence[TextUnit]) -> list[list[int]]:
    """Where an added row's text occurs (a person's name in every form), for highlighting."""
    variants = name_variants(text) if category == PERSON else [Variant(text, case_sensitive=False)]
    pattern = compile_variants(variants)
    return [[u.uid, s, e] for u in units for s, e, _ in find_all(pattern, u.text)]


def document_view(entry: LogFiles, search: Sequence[Path], limits: InputLimits | None = None) -> dict[str, Any]:
    """Everything the screen needs for one log, as JSON-ready data."""
    log = load_log(entry.json)
    rows = read_csv_rows(entry.csv)
    draft = find_draft(log, search)
    units: list[TextUnit] = []
    problem = ""
    if draft is None:
        problem = (
            f"The draft {log.get('input', {}).get('name', '')} (with the SHA-256 the log records) was not found; "
            "start the review screen with --drafts FOLDER to see the document."
        )
    else:
        try:
            units = read_document(draft, limits).units
        except AnonymiserError as exc:
            problem = str(exc)
    by_id = {str(e.get("id")): e for e in log.get("entities", []) if isinstance(e, dict)}
    sections_log = [s for s in log.get("sections", []) if isinstance(s, dict)]
    entities = []
    sections = []
    for row in rows:
        row_id = row.get("id", "")
        category = (row.get("category") or "").upper()
        if category in SECTION_ROWS:
            index = int(row_id[1:]) - 1 if re.fullmatch(r"S\d+", row_id or "") else -1
            section = sections_log[index] if 0 <= index < len(sections_log) else {}
            sections.append(
                {
                    "id": row_id,
                    "heading": row.get("text", ""),
                    "action": row.get("action", ""),
                    "status": row.get("status", ""),
                    "decision": (row.get("decision") or "").lower(),
                    "reason": row.get("reason", ""),
                    "words": section.get("words", 0),
                    "units": list(section.get("units", [])),
                    "kind": "passage" if category == PASSAGE else "section",
                }
            )
            continue
        logged = by_id.get(row_id)
        added = logged is None
        text = row.get("text", "")
        spans = logged.get("occurrence_spans", []) if logged else (_spans_of(text, category, units) if text.strip() else [])
        entities.append(
            {
                "id": row_id,
                "category": category,
                "text": text,
                "replacement": row.get("replacement", ""),
                "proposed": None if added else str(logged.get("replacement", "")),
                "action": row.get("action", "") or ("redact" if added else ""),
                "status": row.get("status", "") or ("added" if added else ""),
                "decision": (row.get("decision") or "").lower(),
                "reason": row.get("reason", ""),
                "context": row.get("context", ""),
                "confidence": row.get("confidence", ""),
                "occurrences": len(spans) if spans else int(row.get("occurrences") or 0),
                "spans": spans,
                "added": added,
            }
        )
    categories = sorted(set(COMMON_CATEGORIES) | {e["category"] for e in entities if _CATEGORY.fullmatch(e["category"])})
    return {
        "stem": entry.stem,
        "name": (log.get("input") or {}).get("name", ""),
        "problem": problem,
        "units": [
            {
                "uid": u.uid,
                "text": u.text,
                "part": u.location.part,
                "paragraph": u.location.paragraph,
                "heading": u.heading_level is not None,
                "kind": u.kind,
            }
            for u in units
        ],
        "entities": entities,
        "sections": sections,
        "categories": categories,
        "policy": (log.get("settings") or {}).get("policy", ""),
        "scope": (log.get("settings") or {}).get("scope", ""),
    }


def _clean(value: Any, limit: int, what: str) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{what}: expected text")
    value = " ".join(value.split())
    if len(value) > limit:
        raise ConfigError(f"{what}: longer than {limit} characters")
    return value


def save_changes(entry: LogFiles, changes: Mapping[str, Any], search: Sequence[Path], limits: InputLimits | None = None) -> int:
    """Write the screen's decisions into the CSV (atomically); return how many rows changed.

    Only the ``decision`` and ``replacement`` columns of existing rows change; rows the
    consultant added are replaced by the screen's list. Every value is checked.
    """
    if not isinstance(changes, Mapping):
        raise ConfigError("expected a JSON object")
    log = load_log(entry.json)
    known = {str(e.get("id")) for e in log.get("entities", []) if isinstance(e, dict)}
    rows = read_csv_rows(entry.csv)
    by_id = {r.get("id", ""): r for r in rows if r.get("id")}
    changed = 0
    for item in changes.get("entities", []) or []:
        if not isinstance(item, Mapping):
            raise ConfigError("entities: expected objects")
        row = by_id.get(str(item.get("id", "")))
        if row is None or str(item.get("id")) not in known:
            continue
        decision = _clean(item.get("decision", ""), 20, f"row {row.get('id')}: decision").lower()
        if decision not in ENTITY_DECISIONS:
            raise ConfigError(f"row {row.get('id')}: decision must be empty, redact or keep")
        replacement = _clean(item.get("replacement", row.get("replacement", "")), MAX_REPLACEMENT, f"row {row.get('id')}: replacement")
        if (row.get("decision", ""), row.get("replacement", "")) != (decision, replacement):
            row["decision"], row["replacement"] = decision, replacement
            changed += 1
    for item in changes.get("sections", []) or []:
        if not isinstance(item, Mapping):
            raise ConfigError("sections: expected objects")
        row = by_id.get(str(item.get("id", "")))
        if row is None or (row.get("category") or "").upper() not in SECTION_ROWS:
            continue
        decision = _clean(item.get("decision", ""), 20, f"row {row.get('id')}: decision").lower()
        if decision not in SECTION_DECISIONS:
            raise ConfigError(f"row {row.get('id')}: a section's decision must be empty, keep or drop")
        if row.get("decision", "") != decision:
            row["decision"] = decision
            changed += 1

    kept_rows = [r for r in rows if (r.get("category") or "").upper() in SECTION_ROWS or r.get("id", "") in known]

    def fingerprint(r: Mapping[str, str]) -> tuple[str, ...]:
        return tuple(r.get(k, "") for k in ("category", "text", "replacement", "decision"))

    before_added = {fingerprint(r) for r in rows if r not in kept_rows}
    added_rows = []
    units: list[TextUnit] | None = None
    for number, item in enumerate(changes.get("added", []) or [], start=1):
        if not isinstance(item, Mapping):
            raise ConfigError("added: expected objects")
        text = _clean(item.get("text", ""), MAX_TEXT, f"added row {number}: text")
        category = _clean(item.get("category", ""), 40, f"added row {number}: category").upper()
        replacement = _clean(item.get("replacement", ""), MAX_REPLACEMENT, f"added row {number}: replacement")
        decision = _clean(item.get("decision", "redact") or "redact", 20, f"added row {number}: decision").lower()
        if not text:
            raise ConfigError(f"added row {number}: the text is empty")
        if not _CATEGORY.fullmatch(category) or category in SECTION_ROWS:
            raise ConfigError(f"added row {number}: the category must be a word in capitals such as PERSON")
        if decision not in ("redact", "keep"):
            raise ConfigError(f"added row {number}: decision must be redact or keep")
        if units is None:
            draft = find_draft(log, search)
            units = read_document(draft, limits).units if draft is not None else []
        spans = _spans_of(text, category, units)
        first = spans[0] if spans else None
        places: list[str] = []
        for uid, _, _ in spans:
            where = units[uid].location.describe()
            if where not in places:
                places.append(where)
        added_rows.append(
            {
                "id": f"A{number:03d}",
                "category": category,
                "text": text,
                "replacement": replacement,
                "action": "redact",
                "confidence": "",
                "recognisers": "consultant",
                "status": "added",
                "occurrences": str(len(spans)),
                "locations": "; ".join(places[:12]),
                "context": context_of(units[first[0]], first[1], first[2]) if first else "",
                "decision": decision,
                "group": "",
                "reason": "added in the review screen",
            }
        )
    changed += len(before_added ^ {fingerprint(r) for r in added_rows})
    # Entity rows, then the added ones, then the sections: the order the log writes them in.
    entity_rows = [r for r in kept_rows if (r.get("category") or "").upper() not in SECTION_ROWS]
    section_rows = [r for r in kept_rows if (r.get("category") or "").upper() in SECTION_ROWS]
    out = [{c: r.get(c, "") for c in COLUMNS} for r in entity_rows + added_rows + section_rows]
    write_rows(entry.csv, out)
    return changed
