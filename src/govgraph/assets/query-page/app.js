// The query page of `govgraph serve`: offline, no library, no request but to this server.
// Named queries come from /named-queries.json; their parameters are bound the way
// govgraph binds them on any endpoint: a one-row VALUES block (BIND(STRDT(...)) for typed
// values) opening the WHERE group, each value serialised as one RDF term. Names typed into
// a parameter are resolved by the server (/resolve), never here: one resolver, the CLI's.
"use strict";

const $ = (id) => document.getElementById(id);
const XSD = "http://www.w3.org/2001/XMLSchema#";
let current = null; // the named query shown, or null for the user's own

function escapeString(value) {
  let out = "";
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === "\\") out += "\\\\";
    else if (c === '"') out += '\\"';
    else if (c === "\n") out += "\\n";
    else if (c === "\r") out += "\\r";
    else if (c === "\t") out += "\\t";
    else if (c < " ") out += "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0");
    else if ((c === "u" || c === "U") && i > 0 && value[i - 1] === "\\") out += "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0");
    else out += c;
  }
  return out;
}

function iri(value) {
  if (!value || /[\x00-\x20<>"{}|^`\\]/.test(value)) throw new Error(`not an IRI: ${value}`);
  return `<${value}>`;
}

// A parameter's value as one term. A parameter the query takes as an IRI is resolved by the
// server (/resolve: the CLI's own resolver, for labels, alternative labels, CURIEs and IRIs);
// a number is xsd:decimal where the parameter says so; anything else is a string.
async function term(raw, description) {
  const value = raw.trim();
  if (/^IRI\b/.test(description)) {
    const cls = (description.match(/\b(?:gg|org):[A-Za-z]\w*/) || [""])[0];
    const response = await fetch("/resolve?" + new URLSearchParams({ name: value, class: cls }));
    const found = await response.json();
    if (!found.found) throw new Error(explainMiss(found));
    return { text: iri(found.iri), shown: [found.zh, found.en].filter(Boolean).join(" / ") + ` <${found.iri}>` };
  }
  if (/xsd:decimal/.test(description) && /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value)) {
    return { typed: `STRDT("${value}", <${XSD}decimal>)` };
  }
  return { text: `"${escapeString(value)}"` };
}

function explainMiss(found) {
  let text = `not sent: ${found.message || "names nothing here"}`;
  if (found.candidates && found.candidates.length) text += ` (it could be ${found.candidates.map((c) => c.iri).join(", ")})`;
  return text;
}

// The index just after the "{" opening the WHERE group: outside comments, strings, IRIs and parentheses.
function whereStart(text) {
  let parens = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "#") { const end = text.indexOf("\n", i); i = end < 0 ? text.length : end; continue; }
    if (c === '"' || c === "'") {
      const quote = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      i += quote.length;
      while (i < text.length && !text.startsWith(quote, i)) i += text[i] === "\\" ? 2 : 1;
      i += quote.length - 1;
      continue;
    }
    if (c === "<") { const m = /^<[^\x00-\x20<>"{}|^`\\]*>/.exec(text.slice(i)); if (m) { i += m[0].length - 1; continue; } }
    if (c === "(") parens++;
    else if (c === ")") parens--;
    else if (c === "{" && parens === 0) return i + 1;
  }
  throw new Error("expected a query with a WHERE group { … }");
}

async function boundQuery() {
  const text = $("editor").value;
  if (!current || !current.parameters.length) return text;
  const values = [], binds = [];
  for (const p of current.parameters) {
    const input = document.querySelector(`#parameters input[name="${p.name}"]`);
    const shown = document.querySelector(`#parameters output[name="${p.name}"]`);
    if (shown) shown.textContent = "";
    if (!input || !input.value.trim()) {
      if (p.required) throw new Error(`?${p.name} is required: ${p.description}`);
      continue;
    }
    let t;
    try { t = await term(input.value, p.description); } catch (error) { throw new Error(`?${p.name}: ${error.message}`); }
    if (shown && t.shown) shown.textContent = `→ ${t.shown}`;
    if (t.typed) binds.push(`  BIND (${t.typed} AS ?${p.name})`);
    else values.push([p.name, t.text]);
  }
  if (!values.length && !binds.length) return text;
  let block = "";
  if (values.length) block += `\n  VALUES (${values.map((v) => "?" + v[0]).join(" ")}) { (${values.map((v) => v[1]).join(" ")}) }`;
  if (binds.length) block += "\n" + binds.join("\n");
  const at = whereStart(text);
  return text.slice(0, at) + block + "\n" + text.slice(at);
}

function choose(query, button) {
  current = query;
  document.querySelectorAll("#query-list button").forEach((b) => b.setAttribute("aria-pressed", String(b === button)));
  $("chosen-name").textContent = query.name;
  $("chosen-question").textContent = query.question;
  $("editor").value = query.text;
  const form = $("parameters");
  form.replaceChildren();
  for (const p of query.parameters) {
    const id = `param-${p.name}`;
    const label = Object.assign(document.createElement("label"), { htmlFor: id, textContent: `?${p.name}` });
    const input = Object.assign(document.createElement("input"), { id, name: p.name, placeholder: p.required ? "required" : "optional" });
    const help = Object.assign(document.createElement("small"), { textContent: p.description });
    const shown = Object.assign(document.createElement("output"), { name: p.name, htmlFor: id });
    form.append(label, input, shown, help);
  }
}

// A result cell: a literal as it is (with its language), an IRI with its label beside it once
// /labels has given it.
function cell(td, binding) {
  if (!binding) return;
  if (binding.type === "uri") {
    td.dataset.iri = binding.value;
    td.append(Object.assign(document.createElement("span"), { className: "label" }),
      Object.assign(document.createElement("code"), { className: "iri", textContent: binding.value }));
    return;
  }
  td.textContent = binding.type === "literal" && binding["xml:lang"] ? `${binding.value} @${binding["xml:lang"]}` : binding.value;
}

function showTable(data) {
  const results = $("results");
  results.replaceChildren();
  if (typeof data.boolean === "boolean") { results.textContent = data.boolean ? "yes (true)" : "no (false)"; return 1; }
  const vars = data.head.vars, rows = data.results.bindings;
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  for (const v of vars) head.append(Object.assign(document.createElement("th"), { textContent: "?" + v }));
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const v of vars) cell(tr.insertCell(), row[v]);
  }
  results.append(table);
  labelIris(table);
  return rows.length;
}

// The labels of the IRIs in a table, asked of the server in batches, written beside each IRI.
async function labelIris(table) {
  const iris = [...new Set([...table.querySelectorAll("td[data-iri]")].map((td) => td.dataset.iri))];
  for (let i = 0; i < iris.length; i += 100) {
    const query = new URLSearchParams(iris.slice(i, i + 100).map((value) => ["iri", value]));
    let labels;
    try { labels = (await (await fetch("/labels?" + query)).json()).labels || {}; } catch { return; }
    for (const td of table.querySelectorAll("td[data-iri]")) {
      const found = labels[td.dataset.iri];
      if (found) td.querySelector(".label").textContent = [found.zh, found.en].filter(Boolean).join(" / ");
    }
  }
}

async function run() {
  const status = $("status");
  status.className = "";
  let query;
  try { query = await boundQuery(); } catch (error) {
    status.className = "warning";
    status.textContent = error.message;
    $("results").replaceChildren();
    return;
  }
  const format = $("format").value;
  const accept = format === "table" ? "application/sparql-results+json, text/turtle;q=0.5" : format;
  status.textContent = "running…";
  const started = performance.now();
  let response;
  try {
    response = await fetch("/query", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: accept },
      body: new URLSearchParams({ query }),
    });
  } catch (error) { status.className = "error"; status.textContent = `no answer from the server: ${error.message}`; return; }
  const ms = Math.round(performance.now() - started);
  const text = await response.text();
  if (!response.ok) {
    status.className = "error";
    status.textContent = response.status === 503 ? text.trim() : `HTTP ${response.status}: ${text.trim()}`;
    $("results").replaceChildren();
    return;
  }
  const type = response.headers.get("Content-Type") || "";
  if (format === "table" && type.includes("sparql-results+json")) {
    const n = showTable(JSON.parse(text));
    status.textContent = `${n} row${n === 1 ? "" : "s"} in ${ms} ms`;
  } else {
    $("results").replaceChildren(Object.assign(document.createElement("pre"), { textContent: text }));
    status.textContent = `${type.split(";")[0]} in ${ms} ms`;
  }
}

async function init() {
  $("endpoint-url").textContent = new URL("/query", location.href).href;
  $("run").addEventListener("click", run);
  $("editor").addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run(); });
  const list = $("query-list");
  try {
    const queries = await (await fetch("/named-queries.json")).json();
    for (const q of queries) {
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.name = q.name;
      button.append(Object.assign(document.createElement("b"), { textContent: q.name }),
        Object.assign(document.createElement("span"), { textContent: q.question }));
      button.addEventListener("click", () => choose(q, button));
      const item = document.createElement("li");
      item.append(button);
      list.append(item);
    }
  } catch (error) {
    list.textContent = `could not load the named queries: ${error.message}`;
  }
}

init();
