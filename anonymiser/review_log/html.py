"""The chair's report: NAME.review.html, one self-contained page written beside every log.

What a chair needs comes first: is it verified, what was redacted and kept (by category),
which sections are in the published report, who decided what, which files it is about
(by SHA-256) and who has signed it off. Then every entity with its context, replacement and
decision. No scripts, no external assets (a Content-Security-Policy forbids loading any),
inline CSS that prints well. Everything from the log is escaped: the draft is untrusted.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from html import escape
from typing import Any

NEEDS_DECISION = ("needs_review", "residual")
_CONTEXT = re.compile(r"(.*?)\[\[(.*?)\]\](.*)", re.DOTALL)

_CSS = """
:root { --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --redact: #0b5cad; --keep: #8c959f;
        --wait: #b35900; --ok: #1a7f37; --bad: #c4161c; --paper: #ffffff; --tint: #f6f8fa; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink);
       background: var(--paper); margin: 0 auto; max-width: 1100px; padding: 24px; }
h1 { font-size: 1.6em; margin: 0.2em 0; } h2 { font-size: 1.3em; margin-top: 1.6em;
     border-bottom: 2px solid var(--ink); padding-bottom: 4px; } h3 { font-size: 1.05em; margin-top: 1.4em; }
.confidential { background: #fff4e5; border: 1px solid #f0c36d; padding: 6px 10px; font-size: 0.9em; }
.verdict { font-size: 1.15em; font-weight: 600; padding: 8px 12px; border-left: 6px solid; margin: 12px 0; }
.verdict.ready { border-color: var(--ok); background: #eaf6ec; }
.verdict.attention { border-color: var(--wait); background: #fff4e5; }
.verdict.failed { border-color: var(--bad); background: #fdecec; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 150px; background: var(--tint); }
.card .num { display: block; font-size: 1.7em; font-weight: 700; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: var(--tint); }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
table.facts th { width: 190px; }
.sha { font-family: ui-monospace, "SFMono-Regular", Consolas, monospace; font-size: 0.85em; word-break: break-all; }
mark { background: #ffe08a; padding: 0 1px; }
.entities { table-layout: fixed; } .entities td { font-size: 0.88em; overflow-wrap: anywhere; }
.entities .where { font-size: 0.8em; color: var(--muted); }
.tag { display: inline-block; padding: 0 6px; border-radius: 10px; font-size: 0.85em; border: 1px solid var(--line); }
.tag.redact { background: #e3effb; } .tag.keep { background: #eef0f2; } .tag.wait { background: #fff1db; }
.tag.drop { background: #fdecec; }
.muted { color: var(--muted); }
figure { margin: 8px 0; } figcaption { color: var(--muted); font-size: 0.9em; }
dl.glossary dt { font-weight: 600; } dl.glossary dd { margin: 0 0 6px 0; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  thead { display: table-header-group; }
  tr, .card, figure { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  #entities { break-before: page; page-break-before: always; }
  @page { margin: 15mm; }
}
"""


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def _context(text: str) -> str:
    """The log's "…before [[span]] after…" with the span marked, every piece escaped."""
    match = _CONTEXT.fullmatch(text or "")
    if not match:
        return _e(text)
    before, span, after = match.groups()
    return f"{_e(before)}<mark>{_e(span)}</mark>{_e(after)}"


def _sources(log: Mapping[str, Any]) -> dict[str, str]:
    review = log.get("review") or {}
    return {str(d.get("id")): str(d.get("source", "")) for d in review.get("decisions", []) if isinstance(d, dict)}


def _undecided(entity: Mapping[str, Any]) -> bool:
    return entity.get("status") in NEEDS_DECISION and not entity.get("decision")


def summarise(log: Mapping[str, Any]) -> dict[str, Any]:
    """The numbers the summary shows (also what tests check)."""
    entities = [e for e in log.get("entities", []) if isinstance(e, dict)]
    sections = [s for s in log.get("sections", []) if isinstance(s, dict)]
    review = log.get("review") or {}
    section_sources = {s.get("id"): s.get("source") for s in review.get("sections", []) if isinstance(s, dict)}
    by_category: dict[str, Counter[str]] = {}
    for entity in entities:
        counts = by_category.setdefault(str(entity.get("category", "")), Counter())
        if _undecided(entity):
            counts["undecided"] += 1
        if entity.get("status") == "residual":
            counts["residual"] += 1
        elif entity.get("action") == "redact":
            counts["redacted"] += 1
        elif entity.get("action") == "keep":
            counts["kept"] += 1
    sources = _sources(log)
    decided = Counter()
    for entity in entities:
        if _undecided(entity):
            decided["undecided"] += 1
        elif sources.get(str(entity.get("id"))) == "consultant" or (
            str(entity.get("id")) not in sources and entity.get("decision")
        ):
            decided["consultant"] += 1
        else:
            decided["auto"] += 1
    sections_undecided = 0
    for index, section in enumerate(sections, start=1):
        source = section_sources.get(f"S{index:03d}")
        if section.get("status") == "needs_review" and source != "consultant":
            sections_undecided += 1
    return {
        "redacted": sum(c["redacted"] for c in by_category.values()),
        "kept": sum(c["kept"] for c in by_category.values()),
        "undecided": decided["undecided"] + sections_undecided,
        "residual": sum(c["residual"] for c in by_category.values()),
        # Passages (runs of a kept section's paragraphs) are rows of the table, not sections.
        "sections_kept": sum(1 for s in sections if s.get("action") == "keep" and s.get("kind") != "passage"),
        "sections_dropped": sum(1 for s in sections if s.get("action") == "drop" and s.get("kind") != "passage"),
        "decided_auto": decided["auto"],
        "decided_consultant": decided["consultant"],
        "sections_by_consultant": sum(1 for s in section_sources.values() if s == "consultant"),
        "by_category": {k: dict(v) for k, v in sorted(by_category.items())},
    }


def _chart(by_category: Mapping[str, Mapping[str, int]]) -> str:
    """A horizontal bar per category: redacted and kept, stacked. Inline SVG, no script."""
    rows = [(cat, int(c.get("redacted", 0)), int(c.get("kept", 0))) for cat, c in by_category.items()]
    rows = [r for r in rows if r[1] or r[2]]
    if not rows:
        return '<p class="muted">No entities to chart.</p>'
    label_w, bar_w, row_h, top = 170, 440, 22, 28
    biggest = max(r + k for _, r, k in rows) or 1
    height = top + row_h * len(rows) + 8
    parts = [
        f'<svg role="img" aria-labelledby="chart-title" width="100%" style="max-width:{label_w + bar_w + 60}px" viewBox="0 0 {label_w + bar_w + 60} {height}" '
        'xmlns="http://www.w3.org/2000/svg" font-family="system-ui, Arial, sans-serif" font-size="12">',
        '<title id="chart-title">Entities by category: redacted and kept</title>',
        f'<rect x="{label_w}" y="6" width="12" height="12" fill="#0b5cad"/>'
        f'<text x="{label_w + 16}" y="16">redacted</text>',
        f'<rect x="{label_w + 90}" y="6" width="12" height="12" fill="#8c959f"/>'
        f'<text x="{label_w + 106}" y="16">kept as written</text>',
    ]
    for i, (category, redacted, kept) in enumerate(rows):
        y = top + i * row_h
        w_r = bar_w * redacted / biggest
        w_k = bar_w * kept / biggest
        parts.append(f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">{_e(category)}</text>')
        if redacted:
            parts.append(f'<rect x="{label_w}" y="{y + 3}" width="{w_r:.1f}" height="15" fill="#0b5cad"/>')
        if kept:
            parts.append(f'<rect x="{label_w + w_r:.1f}" y="{y + 3}" width="{w_k:.1f}" height="15" fill="#8c959f"/>')
        parts.append(f'<text x="{label_w + w_r + w_k + 5:.1f}" y="{y + 14}">{redacted + kept}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _verdict(log: Mapping[str, Any], numbers: Mapping[str, Any]) -> tuple[str, str]:
    verification = log.get("verification") or {}
    review = log.get("review") or {}
    signoff = [s for s in log.get("signoff", []) if isinstance(s, dict)]
    if not verification.get("passed"):
        return "failed", "Verification did not pass: this output must not be published."
    if review.get("draft"):
        return "attention", "DRAFT - NOT FOR PUBLICATION: some rows were not decided when this output was written."
    if numbers["undecided"]:
        return "attention", f"{numbers['undecided']} row(s) still need a decision before this output can be published."
    if not review:
        return "attention", "Proposed by the tool: the consultant's review has not been applied yet."
    # Only a sign-off of this output counts (a stamp of an earlier output is listed, marked).
    output_sha = (log.get("output") or {}).get("sha256")
    roles = {s.get("role") for s in signoff if s.get("output_sha256") == output_sha}
    if "chair" in roles:
        return "ready", "Verified, every row decided, and signed off by the chair."
    return "ready", "Verified and every row decided: ready for the chair's sign-off."


def render_html(log: dict[str, Any]) -> str:
    """The chair's report for one review log (the dict written to NAME.review.json)."""
    numbers = summarise(log)
    inputs = log.get("input") or {}
    output = log.get("output") or {}
    settings = log.get("settings") or {}
    verification = log.get("verification") or {}
    review = log.get("review") or {}
    signoff = [s for s in log.get("signoff", []) if isinstance(s, dict)]
    sources = _sources(log)
    kind, verdict = _verdict(log, numbers)
    title = f"Anonymisation review: {inputs.get('name', '')}"

    out: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en-GB"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>",
        f'<p class="confidential">{_e(log.get("confidential", "CONFIDENTIAL"))}</p>',
        f"<h1>{_e(title)}</h1>",
        f'<p class="verdict {kind}" id="verdict">{_e(verdict)}</p>',
        '<section id="summary"><h2>Summary</h2><div class="cards">',
        _card("count-redacted", numbers["redacted"], "redacted (replaced in the output)"),
        _card("count-kept", numbers["kept"], "kept as written"),
        _card("count-undecided", numbers["undecided"], "awaiting a decision"),
        _card("count-sections-kept", numbers["sections_kept"], "sections in the output"),
        _card("count-sections-dropped", numbers["sections_dropped"], "sections left out"),
        "</div>",
    ]
    passed = bool(verification.get("passed"))
    verified = (
        f"<strong>{'Passed' if passed else 'FAILED'}</strong>: the output was searched for "
        f"{_e(verification.get('strings_checked', 0))} redacted text form(s) in "
        f"{_e(verification.get('parts_checked', 0))} part(s); "
        + ("none was found." if passed else f"{len(verification.get('hits', []))} found.")
    )
    decided = (
        f'<span id="decided-auto">{numbers["decided_auto"]}</span> as the tool proposed, '
        f'<span id="decided-consultant">{numbers["decided_consultant"]}</span> by the consultant, '
        f'<span id="decided-undecided">{numbers["undecided"]}</span> undecided'
        + (f'; {numbers["sections_by_consultant"]} section(s) decided by the consultant' if numbers["sections_by_consultant"] else "")
    )
    signed = (
        "<br>".join(
            f"{_e(s.get('by'))} ({_e(s.get('role'))}), {_e(s.get('at'))}, output "
            f'<span class="sha">{_e(s.get("output_sha256"))}</span>'
            + ("" if s.get("output_sha256") == output.get("sha256") else " <strong>(a different output)</strong>")
            for s in signoff
        )
        or "Not signed off yet."
    )
    facts = [
        ("Verification", verified),
        ("Decisions", decided),
        ("Sign-off", signed),
        ("Draft (input)", f"{_e(inputs.get('name'))}, {_e(inputs.get('words'))} words<br>"
                          f'SHA-256 <span class="sha" id="input-sha">{_e(inputs.get("sha256"))}</span>'),
        ("Anonymised output", f"{_e(output.get('name'))}<br>"
                              f'SHA-256 <span class="sha" id="output-sha">{_e(output.get("sha256"))}</span>'),
        ("Policy and scope", f"policy <strong>{_e(settings.get('policy'))}</strong>; scope {_e(settings.get('scope'))}"
                             f"<br><span class=\"muted\">{_e(settings.get('scope_note'))}</span>"),
        ("Tool", f"{_e(log.get('tool', 'anonymiser'))} {_e(log.get('version'))}; model {_e(settings.get('model'))}"),
        ("Case file", f'<span class="sha">{_e(settings.get("case_file_sha256") or "none")}</span>'),
    ]
    if review:
        source = review.get("from") or {}
        facts.append(
            (
                "Review applied",
                f"{_e(review.get('mode'))} at {_e(review.get('applied_at'))}, from {_e(source.get('csv'))} "
                f"(saved {_e(source.get('saved_at'))})",
            )
        )
    out.append('<table class="facts"><tbody>')
    out += [f"<tr><th scope=\"row\">{_e(k)}</th><td>{v}</td></tr>" for k, v in facts]
    out.append("</tbody></table>")

    out.append("<h3>Entities by category and action</h3>")
    out.append(
        '<table id="by-category"><thead><tr><th>Category</th><th class="n">Redacted</th><th class="n">Kept</th>'
        '<th class="n">Awaiting a decision</th><th class="n">Still in output (re-scan)</th></tr></thead><tbody>'
    )
    totals: Counter[str] = Counter()
    for category, counts in numbers["by_category"].items():
        totals.update(counts)
        out.append(
            f'<tr data-category="{_e(category)}"><td>{_e(category)}</td>'
            + "".join(f'<td class="n">{int(counts.get(k, 0))}</td>' for k in ("redacted", "kept", "undecided", "residual"))
            + "</tr>"
        )
    out.append(
        '<tr class="total"><th>Total</th>'
        + "".join(f'<th class="n">{int(totals.get(k, 0))}</th>' for k in ("redacted", "kept", "undecided", "residual"))
        + "</tr></tbody></table>"
    )
    out.append(f"<figure>{_chart(numbers['by_category'])}<figcaption>Entities by category.</figcaption></figure>")

    out.append(_sections_table(log, review))
    out.append(_review_record(review))
    notes = Counter(str(n.get("kind", "")) for n in log.get("notes", []) if isinstance(n, dict))
    if notes:
        out.append("<h3>Found in the draft besides its text</h3><ul>")
        out += [f"<li>{_e(k)}: {n}</li>" for k, n in sorted(notes.items())]
        out.append("</ul>")
    out.append("</section>")

    out.append('<section id="entities"><h2>Every entity</h2>')
    out.append(
        '<table class="entities"><colgroup><col style="width:6%"><col style="width:11%"><col style="width:14%">'
        '<col style="width:12%"><col style="width:15%"><col style="width:16%"><col style="width:26%"></colgroup><thead><tr><th>Id</th><th>Category</th><th>Original text</th>'
        "<th>Replacement</th><th>Decision</th><th>Where</th><th>Context</th></tr></thead><tbody>"
    )
    for entity in log.get("entities", []):
        if not isinstance(entity, dict):
            continue
        out.append(_entity_row(entity, sources))
    out.append("</tbody></table></section>")
    out.append(_GLOSSARY)
    out.append(
        f'<p class="muted">Written by {_e(log.get("tool", "anonymiser"))} {_e(log.get("version"))}. '
        "This page holds the draft's original text: keep it with the review log, never publish it.</p>"
    )
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _card(element_id: str, number: int, label: str) -> str:
    return f'<div class="card"><span class="num" id="{element_id}">{int(number)}</span>{_e(label)}</div>'


def _decision_cell(entity: Mapping[str, Any], sources: Mapping[str, str]) -> str:
    action = str(entity.get("action", ""))
    status = str(entity.get("status", ""))
    decision = str(entity.get("decision", "") or "")
    source = sources.get(str(entity.get("id")), "")
    if _undecided(entity):
        return '<span class="tag wait">awaiting a decision</span>' + (
            f'<br><span class="muted">{_e(entity.get("reason"))}</span>' if entity.get("reason") else ""
        )
    if status == "residual":
        shown = "kept" if decision == "keep" else _e(decision or "listed")
        return f'<span class="tag keep">{shown}</span><br><span class="muted">still in the output</span>'
    tag = "redact" if action == "redact" else "keep"
    words = "redacted" if action == "redact" else "kept"
    who = source or ("consultant" if decision else "auto")
    who_words = {"consultant": "by the consultant", "auto": "as the tool proposed", "undecided": "undecided"}.get(who, who)
    reason = str(entity.get("reason") or "").replace("kept by the consultant", "").strip("; ")
    shown = f'<br><span class="muted">{_e(reason)}</span>' if reason else ""
    return f'<span class="tag {tag}">{words}</span> {_e(who_words)}{shown}'


def _entity_row(entity: Mapping[str, Any], sources: Mapping[str, str]) -> str:
    where = f"{_e(entity.get('occurrences'))}×<br><span class=\"where\">{_e(entity.get('locations'))}</span>"
    replacement = entity.get("replacement") if entity.get("action") == "redact" else "—"
    return (
        f'<tr id="entity-{_e(entity.get("id"))}"><td>{_e(entity.get("id"))}</td><td>{_e(entity.get("category"))}</td>'
        f"<td>{_e(entity.get('text'))}</td><td>{_e(replacement)}</td>"
        f"<td>{_decision_cell(entity, sources)}</td><td>{where}</td><td>{_context(str(entity.get('context', '')))}</td></tr>"
    )


def _sections_table(log: Mapping[str, Any], review: Mapping[str, Any]) -> str:
    sections = [s for s in log.get("sections", []) if isinstance(s, dict)]
    if not sections:
        return ""
    sources = {s.get("id"): s.get("source") for s in review.get("sections", []) if isinstance(s, dict)}
    rows = []
    for index, section in enumerate(sections, start=1):
        section_id = f"S{index:03d}"
        action = str(section.get("action", ""))
        source = sources.get(section_id)
        kind = "passage: " if section.get("kind") == "passage" else ""
        if section.get("status") == "needs_review" and source != "consultant":
            decided = '<span class="tag wait">awaiting a decision</span>'
        else:
            decided = "by the consultant" if source == "consultant" else "as the tool proposed"
        rows.append(
            f"<tr><td>{section_id}</td><td>{kind}{_e(section.get('heading'))}</td><td class=\"n\">{_e(section.get('words'))}</td>"
            f'<td><span class="tag {"drop" if action == "drop" else "keep"}">{"left out" if action == "drop" else "in the output"}</span></td>'
            f"<td>{decided}</td><td class=\"muted\">{_e(section.get('reason'))}</td></tr>"
        )
    return (
        "<h3>Sections</h3>"
        '<table id="sections"><thead><tr><th>Id</th><th>Heading</th><th class="n">Words</th><th>In the output?</th>'
        "<th>Decided</th><th>Why</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )


def _review_record(review: Mapping[str, Any]) -> str:
    if not review:
        return ""
    parts = []
    if review.get("additions"):
        parts.append(
            "<h3>Added by the consultant (redacted everywhere)</h3><ul>"
            + "".join(
                f"<li>{_e(a.get('category'))}: {_e(a.get('text'))}"
                + (f" → {_e(a.get('replacement'))}" if a.get("replacement") else "")
                + "</li>"
                for a in review.get("additions", [])
                if isinstance(a, dict)
            )
            + "</ul>"
        )
    carried = [a for a in review.get("carried") or () if isinstance(a, dict)]
    if carried:
        # The chair sees that a new version was held to the previous review's redactions.
        parts.append(
            f"<h3>Carried from the previous review</h3><p>{len(carried)} redaction(s) the previous "
            "review made are made again in this version, in every form the draft wrote them, "
            "wherever they still stand.</p>"
        )
    if review.get("new"):
        parts.append(
            "<h3>New in this version of the draft</h3><ul>"
            + "".join(f"<li>{_e(n.get('id'))} {_e(n.get('category'))}: {_e(n.get('text'))}</li>" for n in review["new"])
            + "</ul>"
        )
    if review.get("gone"):
        parts.append(
            "<h3>In the previous review, gone from this version</h3><ul>"
            + "".join(
                f"<li>{_e(g.get('from_id'))} {_e(g.get('category'))}: {_e(g.get('text'))}</li>" for g in review["gone"]
            )
            + "</ul>"
        )
    if review.get("warnings"):
        parts.append("<h3>Warnings</h3><ul>" + "".join(f"<li>{_e(w)}</li>" for w in review["warnings"]) + "</ul>")
    return "".join(parts)


_GLOSSARY = """
<section id="how-to-read"><h2>How to read this report</h2><dl class="glossary">
<dt>Entity</dt><dd>Something in the draft that could identify a person: a name, a date, a place, a number. Every
occurrence of it is treated the same way.</dd>
<dt>Redacted</dt><dd>Replaced in the published output by the text in the Replacement column ("Child F", "(date)").</dd>
<dt>Kept</dt><dd>Left as written: a practice term, an agency the policy keeps, or something the consultant decided
does not identify anyone.</dd>
<dt>Awaiting a decision</dt><dd>The tool was not confident enough and a person must decide. A final output is not
written while any row awaits a decision.</dd>
<dt>As the tool proposed / by the consultant</dt><dd>Who took the decision: the tool's policy, or the consultant
in the review log.</dd>
<dt>Verification</dt><dd>After writing, the output is opened again and searched for every redacted text; one hit and
the output is deleted.</dd>
<dt>Still in output (re-scan)</dt><dd>Detection run again on the output found these; each is listed for a person to
check.</dd>
<dt>SHA-256</dt><dd>A fingerprint of a file: if one character changes, it changes. The sign-off records the output's
fingerprint, so a changed file can be told from the one approved.</dd>
</dl></section>
"""
