// The review screen. Vanilla JavaScript, no libraries, nothing loaded from elsewhere.
// The draft's text is untrusted: it is only ever put into the page as text (textContent),
// never as HTML.
"use strict";

(() => {
  const token = document.querySelector('meta[name="review-token"]').content;
  const state = {
    stem: null, units: [], entities: [], sections: [], categories: [],
    current: -1, dirty: false, filter: "all",
  };
  const byId = (id) => document.getElementById(id);

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === "className") node.className = value;
      else if (key === "dataset") Object.assign(node.dataset, value);
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  async function api(path, body) {
    const options = { headers: { "X-Review-Token": token }, cache: "no-store" };
    if (body !== undefined) {
      options.method = "POST";
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    const response = await fetch(path, options);
    const data = await response.json().catch(() => ({ error: response.statusText }));
    if (!response.ok) throw new Error(data.error || response.statusText);
    return data;
  }

  function setStatus(text) {
    const status = byId("status");
    status.textContent = text;
    status.classList.toggle("dirty", state.dirty);
  }

  function colour(category) {
    let h = 0;
    for (const ch of category) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    return "c" + (h % 8);
  }

  // --- decisions --------------------------------------------------------------------

  function needsDecision(entity) {
    return entity.status === "needs_review" || entity.status === "residual";
  }

  function replacementChanged(entity) {
    return entity.proposed !== null && entity.replacement.trim() !== entity.proposed.trim();
  }

  // What the row will do: "keep", "redact", "open" (needs a decision) or "auto".
  function effective(entity) {
    if (entity.decision === "keep") return "keep";
    if (entity.decision === "redact" || entity.added || replacementChanged(entity)) return "redact";
    if (needsDecision(entity)) return "open";
    return entity.action === "keep" ? "keep" : "auto";
  }

  function stateWords(entity) {
    const eff = effective(entity);
    if (eff === "open") return "needs a decision";
    if (eff === "keep") return entity.decision === "keep" ? "keep (decided)" : "kept";
    if (eff === "redact") return entity.added ? "added" : "redact (decided)";
    return "as proposed";
  }

  function sectionAction(section) {
    return section.decision || section.action;
  }

  function droppedUnits() {
    const out = new Map();
    for (const section of state.sections) {
      if (sectionAction(section) === "drop") for (const uid of section.units) out.set(uid, section);
    }
    return out;
  }

  function change(mutator) {
    mutator();
    state.dirty = true;
    render();
    setStatus("unsaved changes");
  }

  function decide(decision) {
    const entity = state.entities[state.current];
    if (!entity) return;
    change(() => { entity.decision = decision; });
  }

  function setReplacement(value) {
    const entity = state.entities[state.current];
    if (!entity) return;
    change(() => {
      entity.replacement = value.replace(/\s+/g, " ").trim();
      if (entity.decision === "keep") entity.decision = "";
    });
  }

  // --- rendering ----------------------------------------------------------------------

  function visible(entity) {
    const eff = effective(entity);
    if (state.filter === "open") return eff === "open";
    if (state.filter === "redact") return eff === "redact" || (eff === "auto" && entity.action === "redact");
    if (state.filter === "keep") return eff === "keep";
    return true;
  }

  function renderDoc() {
    const doc = byId("doc");
    doc.replaceChildren();
    const spans = new Map();
    state.entities.forEach((entity, index) => {
      for (const [uid, start, end] of entity.spans || []) {
        if (!spans.has(uid)) spans.set(uid, []);
        spans.get(uid).push({ start, end, index });
      }
    });
    const dropped = droppedUnits();
    let part = null;
    let labelled = new Set();
    for (const unit of state.units) {
      if (unit.part !== part) {
        part = unit.part;
        doc.append(el("h3", { className: "part" }, part));
      }
      const classes = ["unit"];
      if (unit.heading) classes.push("heading");
      const section = dropped.get(unit.uid);
      if (section) classes.push("dropped");
      const node = el("p", { className: classes.join(" "), dataset: { uid: String(unit.uid) } });
      if (section && !labelled.has(section.id)) {
        labelled.add(section.id);
        node.append(el("span", { className: "dropped-label" }, `Dropped section ${section.id}: not in the output`));
      }
      const text = unit.text;
      const list = (spans.get(unit.uid) || []).sort((a, b) => a.start - b.start || b.end - a.end);
      let cursor = 0;
      for (const span of list) {
        if (span.start < cursor || span.end > text.length) continue; // overlapping: the first wins
        if (span.start > cursor) node.append(text.slice(cursor, span.start));
        const entity = state.entities[span.index];
        const eff = effective(entity);
        const mark = el("mark", {
          className: [colour(entity.category), eff === "keep" ? "keep" : "", eff === "open" ? "open" : "",
            span.index === state.current ? "current" : ""].filter(Boolean).join(" "),
          dataset: { index: String(span.index) },
          title: `${entity.id || "added"} ${entity.category}` + (eff === "keep" ? " (kept)" : ` → ${entity.replacement}`),
        }, text.slice(span.start, span.end));
        node.append(mark);
        cursor = span.end;
      }
      if (cursor < text.length) node.append(text.slice(cursor));
      doc.append(node);
    }
  }

  function renderList() {
    const list = byId("list");
    list.replaceChildren();
    let open = 0;
    state.entities.forEach((entity, index) => {
      const eff = effective(entity);
      if (eff === "open") open += 1;
      if (!visible(entity)) return;
      const target = eff === "keep" ? "(kept)" : `→ ${entity.replacement}`;
      const item = el("li", {
        className: index === state.current ? "current" : "",
        dataset: { index: String(index), id: entity.id || "" },
        onclick: () => select(index),
      },
      el("span", { className: "id" }, entity.id || "new"),
      el("span", { className: "cat" }, entity.category),
      el("span", { className: "text", title: entity.text }, `${entity.text} ${target}`),
      el("span", { className: `state ${eff}` }, stateWords(entity)));
      list.append(item);
    });
    byId("counts").textContent = `(${state.entities.length}; ${open} awaiting a decision)`;
  }

  function renderSections() {
    const list = byId("sections");
    list.replaceChildren();
    for (const section of state.sections) {
      const action = sectionAction(section);
      const open = section.status === "needs_review" && !section.decision;
      list.append(el("li", { dataset: { id: section.id } },
        el("span", { className: "id" }, section.id),
        // A passage: a run of a kept section's paragraphs that reads like a chronology.
        el("span", { className: "text", title: section.heading },
          (section.kind === "passage" ? "passage: " : "") + section.heading),
        el("span", { className: `state ${open ? "open" : action === "drop" ? "keep" : "redact"}` },
          action === "drop" ? "dropped" : "kept", section.decision ? " (decided)" : ""),
        el("button", {
          type: "button",
          className: "toggle-section",
          onclick: (event) => {
            event.stopPropagation();
            change(() => { section.decision = action === "drop" ? "keep" : "drop"; });
          },
        }, action === "drop" ? "Keep" : "Drop")));
    }
  }

  function renderDetail() {
    const detail = byId("detail");
    detail.replaceChildren();
    const entity = state.entities[state.current];
    if (!entity) {
      detail.append(el("p", { className: "hint" }, "Select a row in the list, or a highlight in the document."));
      return;
    }
    const input = el("input", { id: "replacement", type: "text", maxlength: "200", value: entity.replacement });
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") { setReplacement(input.value); event.preventDefault(); byId("doc").focus(); }
      if (event.key === "Escape") { input.value = entity.replacement; byId("doc").focus(); }
    });
    input.addEventListener("change", () => { if (input.value !== entity.replacement) setReplacement(input.value); });
    const actions = el("div", { className: "actions" },
      el("button", { id: "accept", type: "button", title: "Redact every occurrence (a)", onclick: () => decide("redact") }, "Accept (redact)"),
      el("button", { id: "keep", type: "button", title: "Keep every occurrence as written (x)", onclick: () => decide("keep") }, "Keep"),
      el("button", { id: "edit", type: "button", title: "Edit the replacement (e)", onclick: () => { input.focus(); input.select(); } }, "Edit replacement"),
      el("button", { id: "undo", type: "button", title: "Back to as proposed (u)", onclick: () => decide("") }, "Undo"));
    if (entity.added) {
      actions.append(el("button", {
        id: "remove", type: "button",
        onclick: () => change(() => { state.entities.splice(state.current, 1); state.current = -1; }),
      }, "Remove"));
    }
    const parts = [
      el("h3", {}, `${entity.id || "New row"} · ${entity.category}`),
      el("div", { className: "text" }, entity.text),
      el("div", { className: "muted" },
        `${entity.occurrences} occurrence(s) · ${stateWords(entity)}` + (entity.confidence ? ` · confidence ${entity.confidence}` : "")),
      entity.reason ? el("div", { className: "muted" }, entity.reason) : null,
      el("label", {}, "Replacement (every occurrence)", input),
      actions];
    detail.append(...parts.filter((part) => part !== null));
  }

  function render() {
    renderDoc();
    renderList();
    renderSections();
    renderDetail();
  }

  function select(index, scroll = true) {
    if (index < 0 || index >= state.entities.length) return;
    state.current = index;
    render();
    if (!scroll) return;
    const mark = document.querySelector(`#doc mark[data-index="${index}"]`);
    if (mark) mark.scrollIntoView({ block: "center" });
    const item = document.querySelector(`#list li[data-index="${index}"]`);
    if (item) item.scrollIntoView({ block: "nearest" });
  }

  function step(delta) {
    const shown = state.entities.map((e, i) => i).filter((i) => visible(state.entities[i]));
    if (!shown.length) return;
    const at = shown.indexOf(state.current);
    const next = at < 0 ? (delta > 0 ? 0 : shown.length - 1) : Math.min(Math.max(at + delta, 0), shown.length - 1);
    select(shown[next]);
  }

  // --- loading and saving -------------------------------------------------------------

  function load(view) {
    state.stem = view.stem;
    state.units = view.units;
    state.entities = view.entities;
    state.sections = view.sections;
    state.categories = view.categories;
    state.current = -1;
    state.dirty = false;
    const problem = byId("problem");
    problem.hidden = !view.problem;
    problem.textContent = view.problem || "";
    const select = byId("add-category");
    select.replaceChildren(...view.categories.map((c) => el("option", { value: c }, c)));
    select.value = view.categories.includes("PERSON") ? "PERSON" : view.categories[0];
    render();
  }

  async function open(stem) {
    setStatus("loading…");
    try {
      load(await api(`/api/log/${encodeURIComponent(stem)}`));
      setStatus(`${state.entities.length} rows`);
    } catch (error) {
      setStatus(`could not load: ${error.message}`);
    }
  }

  async function save() {
    if (!state.stem) return;
    const body = {
      entities: state.entities.filter((e) => !e.added)
        .map((e) => ({ id: e.id, decision: e.decision, replacement: e.replacement })),
      added: state.entities.filter((e) => e.added)
        .map((e) => ({ text: e.text, category: e.category, replacement: e.replacement, decision: e.decision || "redact" })),
      sections: state.sections.map((s) => ({ id: s.id, decision: s.decision })),
    };
    setStatus("saving…");
    try {
      const view = await api(`/api/log/${encodeURIComponent(state.stem)}`, body);
      const current = state.current;
      load(view);
      if (current >= 0 && current < state.entities.length) state.current = current;
      render();
      setStatus(`saved to ${state.stem}.review.csv`);
    } catch (error) {
      setStatus(`not saved: ${error.message}`);
    }
  }

  // --- adding a redaction by selecting text ------------------------------------------------

  function selectionInDoc() {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return "";
    const range = selection.getRangeAt(0);
    if (!byId("doc").contains(range.commonAncestorContainer)) return "";
    return selection.toString().replace(/\s+/g, " ").trim();
  }

  function showAddPanel() {
    const text = selectionInDoc();
    const panel = byId("add-panel");
    if (!text) return;
    const rect = window.getSelection().getRangeAt(0).getBoundingClientRect();
    byId("add-text").value = text.slice(0, 300);
    byId("add-replacement").value = "";
    panel.style.left = `${Math.max(8, Math.min(rect.left, window.innerWidth - 340))}px`;
    panel.style.top = `${Math.min(rect.bottom + 8, window.innerHeight - 200)}px`;
    panel.hidden = false;
  }

  function findSpans(text, category) {
    const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
    const pattern = new RegExp(`(?<![\\w@])${escaped}(?![\\w@])`, "gi");
    const out = [];
    for (const unit of state.units) {
      for (const match of unit.text.matchAll(pattern)) out.push([unit.uid, match.index, match.index + match[0].length]);
    }
    return out;
  }

  function addRedaction() {
    const text = byId("add-text").value.replace(/\s+/g, " ").trim();
    const category = byId("add-category").value;
    if (!text) return;
    const spans = findSpans(text, category);
    byId("add-panel").hidden = true;
    window.getSelection().removeAllRanges();
    change(() => {
      state.entities.push({
        id: "", category, text, replacement: byId("add-replacement").value.trim(), proposed: null,
        action: "redact", status: "added", decision: "redact", reason: "added in the review screen",
        context: "", confidence: "", occurrences: spans.length, spans, added: true,
      });
    });
    select(state.entities.length - 1);
  }

  // --- events -----------------------------------------------------------------------

  byId("doc").addEventListener("click", (event) => {
    const mark = event.target.closest("mark");
    if (mark && !selectionInDoc()) select(Number(mark.dataset.index), false);
  });
  byId("doc").addEventListener("mouseup", () => setTimeout(showAddPanel, 0));
  byId("add-confirm").addEventListener("click", addRedaction);
  byId("add-cancel").addEventListener("click", () => { byId("add-panel").hidden = true; });
  byId("save").addEventListener("click", save);
  byId("filter").addEventListener("change", (event) => { state.filter = event.target.value; render(); });
  byId("log-select").addEventListener("change", (event) => {
    if (state.dirty && !window.confirm("Discard unsaved changes?")) { event.target.value = state.stem; return; }
    open(event.target.value);
  });
  window.addEventListener("beforeunload", (event) => { if (state.dirty) event.preventDefault(); });

  document.addEventListener("keydown", (event) => {
    const target = event.target;
    if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) {
      if (event.key === "Enter" && target.closest("#add-panel")) { addRedaction(); event.preventDefault(); }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const actions = {
      j: () => step(1),
      k: () => step(-1),
      a: () => decide("redact"),
      x: () => decide("keep"),
      u: () => decide(""),
      e: () => { const input = byId("replacement"); if (input) { input.focus(); input.select(); } },
      s: () => save(),
      Escape: () => { byId("add-panel").hidden = true; },
    };
    const action = actions[event.key];
    if (action) { event.preventDefault(); action(); }
  });

  (async () => {
    try {
      const { logs } = await api("/api/logs");
      const select = byId("log-select");
      select.replaceChildren(...logs.map((stem) => el("option", { value: stem }, stem)));
      if (logs.length) await open(logs[0]);
      else setStatus("no review logs in this folder");
    } catch (error) {
      setStatus(`could not load: ${error.message}`);
    }
  })();
})();
