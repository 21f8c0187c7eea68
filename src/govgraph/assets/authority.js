// govgraph authority page: draws the authority graph as SVG from the JSON beside this script.
// Written for govgraph; no library, no network. Scenarios are precomputed by govgraph.export (page.py).
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("govgraph-data").textContent);
  var NS = "http://www.w3.org/2000/svg";
  var W = 1400, H = 900, PAD = 110;
  var state = { lang: data.lang || "zh", hidden: {}, absent: {}, long: true };
  var nodeById = {}, colourOf = {};
  data.nodes.forEach(function (n) { nodeById[n.id] = n; });
  data.kinds.forEach(function (k) { colourOf[k.key] = k.colour; });
  var nodeColour = {};
  data.nodeKinds.forEach(function (k) { nodeColour[k.key] = k.colour; });

  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(e); }
    return e;
  }
  function html(name, attrs, parent, text) {
    var e = document.createElement(name);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    if (parent) { parent.appendChild(e); }
    return e;
  }
  function px(n) { return PAD + n.x * (W - 2 * PAD); }
  function py(n) { return PAD + (1 - n.y) * (H - 2 * PAD); }
  // The page's words, in both languages, come with the data (govgraph's words file, section [page]).
  function word(key) { return data.words[state.lang][key]; }
  function label(item) { return item[state.lang] || item.zh || item.en || item.id; }
  // Short lines, as the static figure wraps them: 8 characters of Chinese, about 22 of English.
  function wrap(text) {
    if (state.lang === "zh") {
      var parts = [];
      for (var i = 0; i < text.length; i += 8) { parts.push(text.slice(i, i + 8)); }
      return parts;
    }
    var lines = [], line = "";
    text.split(/\s+/).forEach(function (w) {
      if (line && (line + " " + w).length > 22) { lines.push(line); line = w; } else { line = line ? line + " " + w : w; }
    });
    lines.push(line);
    return lines;
  }

  // ── layout of the page ──
  var side = html("div", { id: "side" }, document.body);
  var main = html("div", { id: "main" }, document.body);
  var svg = el("svg", { id: "graph", viewBox: "0 0 " + W + " " + H, role: "img" }, main);
  var tip = html("div", { id: "tip" }, main);
  var defs = el("defs", {}, svg);
  data.kinds.forEach(function (k) {
    var m = el("marker", { id: "arrow-" + k.key, viewBox: "0 0 10 10", refX: "10", refY: "5", markerWidth: "11", markerHeight: "11", markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" }, defs);
    el("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: k.colour }, m);
  });
  var edgeLayer = el("g", { id: "edges" }, svg);
  var nodeLayer = el("g", { id: "nodes" }, svg);

  // ── zoom (wheel, buttons) and pan (drag the background): the SVG's viewBox ──
  var view = { x: 0, y: 0, w: W, h: H };
  function setView(v) {
    view = { x: v.x, y: v.y, w: Math.min(Math.max(v.w, W / 12), W * 3), h: 0 };
    view.h = view.w * H / W;
    svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].map(function (n) { return n.toFixed(1); }).join(" "));
    svg.setAttribute("data-zoom", (W / view.w).toFixed(3));
  }
  function zoomAt(factor, cx, cy) {  // cx, cy in graph units stay where they are
    var w = view.w / factor, h = w * H / W;
    setView({ x: cx - (cx - view.x) * w / view.w, y: cy - (cy - view.y) * h / view.h, w: w });
  }
  function toGraph(ev) {
    var box = svg.getBoundingClientRect(), scale = Math.max(view.w / box.width, view.h / box.height);
    var offsetX = (box.width - view.w / scale) / 2, offsetY = (box.height - view.h / scale) / 2;
    return { x: view.x + (ev.clientX - box.left - offsetX) * scale, y: view.y + (ev.clientY - box.top - offsetY) * scale, scale: scale };
  }
  svg.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var at = toGraph(ev);
    zoomAt(ev.deltaY < 0 ? 1.2 : 1 / 1.2, at.x, at.y);
  }, { passive: false });
  var drag = null;
  svg.addEventListener("mousedown", function (ev) {
    drag = { clientX: ev.clientX, clientY: ev.clientY, view: view, scale: toGraph(ev).scale };
    svg.classList.add("panning");
  });
  window.addEventListener("mousemove", function (ev) {
    if (!drag) { return; }
    setView({ x: drag.view.x - (ev.clientX - drag.clientX) * drag.scale, y: drag.view.y - (ev.clientY - drag.clientY) * drag.scale, w: drag.view.w });
  });
  window.addEventListener("mouseup", function () { drag = null; svg.classList.remove("panning"); });
  function centreOn(n) { setView({ x: px(n) - view.w / 2, y: py(n) - view.h / 2, w: view.w }); }
  setView(view);

  // ── edges: curved when several join the same two nodes ──
  var pairs = {};
  data.edges.forEach(function (e) {
    if (e.s === e.t || !nodeById[e.s] || !nodeById[e.t]) { return; }
    var key = [e.s, e.t].sort().join(" ");
    (pairs[key] = pairs[key] || []).push(e);
  });
  var edgeViews = [];
  Object.keys(pairs).forEach(function (key) {
    var list = pairs[key];
    list.forEach(function (e, i) {
      var a = nodeById[e.s], b = nodeById[e.t];
      var x1 = px(a), y1 = py(a), x2 = px(b), y2 = py(b);
      var dx = x2 - x1, dy = y2 - y1, len = Math.sqrt(dx * dx + dy * dy) || 1;
      var sign = e.s < e.t ? 1 : -1;
      var bend = sign * (list.length > 1 ? 28 * (i - (list.length - 1) / 2) + 14 : 0);
      var cx = (x1 + x2) / 2 - dy / len * bend, cy = (y1 + y2) / 2 + dx / len * bend;
      var shrink = 26, tx = x2 - (x2 - cx) / (Math.sqrt((x2 - cx) * (x2 - cx) + (y2 - cy) * (y2 - cy)) || 1) * shrink;
      var ty = y2 - (y2 - cy) / (Math.sqrt((x2 - cx) * (x2 - cx) + (y2 - cy) * (y2 - cy)) || 1) * shrink;
      var d = "M " + x1.toFixed(1) + " " + y1.toFixed(1) + " Q " + cx.toFixed(1) + " " + cy.toFixed(1) + " " + tx.toFixed(1) + " " + ty.toFixed(1);
      var g = el("g", { "class": "edge", "data-id": e.id, "data-kind": e.kind }, edgeLayer);
      el("path", { "class": "line", d: d, stroke: colourOf[e.kind], "marker-end": "url(#arrow-" + e.kind + ")" }, g);
      var hit = el("path", { "class": "hit", d: d }, g);
      hit.addEventListener("mousemove", function (ev) { showTip(e, ev); });
      hit.addEventListener("mouseleave", function () { tip.style.display = "none"; });
      edgeViews.push({ edge: e, g: g });
    });
  });

  // ── nodes ──
  var nodeViews = [];
  data.nodes.forEach(function (n) {
    var g = el("g", { "class": "node", "data-id": n.id, transform: "translate(" + px(n).toFixed(1) + "," + py(n).toFixed(1) + ")" }, nodeLayer);
    var rect = el("rect", { rx: "6", ry: "6", fill: nodeColour[n.kind] || "#eee" }, g);
    var text = el("text", { "text-anchor": "middle", dy: "4" }, g);
    nodeViews.push({ node: n, g: g, rect: rect, text: text });
  });

  function showTip(e, ev) {
    var kind = data.kinds.filter(function (k) { return k.key === e.kind; })[0];
    var act = state.lang === "zh" ? e.act_zh : e.act_en, about = state.lang === "zh" ? e.about_zh : e.about_en;
    var cond = state.lang === "zh" ? e.condition_zh : e.condition_en;
    tip.textContent = "";
    html("b", {}, tip, label(kind) + ": " + label(nodeById[e.s]) + " → " + label(nodeById[e.t]));
    html("div", {}, tip, act + (about ? " (" + about + ")" : "") + (e.step ? " #" + e.step : ""));
    if (cond) { html("div", {}, tip, word("condition") + cond); }
    html("div", { "class": "article" }, tip, e["article_" + state.lang] + "  " + e.article_text);
    var box = main.getBoundingClientRect();
    tip.style.left = Math.min(ev.clientX - box.left + 14, box.width - 430) + "px";
    tip.style.top = (ev.clientY - box.top + 14) + "px";
    tip.style.display = "block";
  }

  // ── controls ──
  function renderSide() {
    side.textContent = "";
    html("h1", {}, side, word("title"));
    var tools = html("div", { id: "tools" }, side);
    [["zoom-in", "zoom_in", "+", function () { zoomAt(1.5, view.x + view.w / 2, view.y + view.h / 2); }],
     ["zoom-out", "zoom_out", "−", function () { zoomAt(1 / 1.5, view.x + view.w / 2, view.y + view.h / 2); }],
     ["zoom-reset", "zoom_reset", "⟲", function () { setView({ x: 0, y: 0, w: W }); }]].forEach(function (b) {
      var button = html("button", { id: b[0], type: "button", title: word(b[1]), "aria-label": word(b[1]) }, tools, b[2]);
      button.addEventListener("click", b[3]);
    });
    var search = html("input", { id: "search", type: "search", placeholder: word("search"), "aria-label": word("search") }, side);
    search.value = state.query || "";
    search.addEventListener("input", function () { state.query = search.value; find(true); });
    html("div", { id: "found" }, side);
    html("h2", {}, side, word("lang"));
    ["zh", "en"].forEach(function (l) {
      var lab = html("label", {}, side);
      var input = html("input", { type: "radio", name: "lang", id: "lang-" + l, value: l }, lab);
      input.checked = state.lang === l;
      input.addEventListener("change", function () { state.lang = l; render(); });
      lab.appendChild(document.createTextNode(" " + data.words[l].language_name));
    });
    html("h2", {}, side, word("kinds"));
    data.kinds.forEach(function (k) {
      if (!data.edges.some(function (e) { return e.kind === k.key; })) { return; }
      var lab = html("label", {}, side);
      var input = html("input", { type: "checkbox", id: "kind-" + k.key }, lab);
      input.checked = !state.hidden[k.key];
      input.addEventListener("change", function () { state.hidden[k.key] = !input.checked; render(); });
      html("span", { "class": "swatch", style: "background:" + k.colour }, lab);
      lab.appendChild(document.createTextNode(label(k)));
    });
    html("h2", {}, side, word("nodes"));
    data.nodeKinds.forEach(function (k) {
      var lab = html("label", {}, side);
      html("span", { "class": "box", style: "background:" + k.colour }, lab);
      lab.appendChild(document.createTextNode(label(k)));
    });
    html("h2", {}, side, word("scenario"));
    data.pickable.forEach(function (p, i) {
      var lab = html("label", {}, side);
      var input = html("input", { type: "checkbox", id: "absent-" + i, "class": "absent" }, lab);
      input.checked = !!state.absent[i];
      input.addEventListener("change", function () { state.absent[i] = input.checked; render(); });
      lab.appendChild(document.createTextNode(label(p)));
    });
    var lab = html("label", {}, side);
    var long = html("input", { type: "checkbox", id: "long" }, lab);
    long.checked = state.long;
    long.addEventListener("change", function () { state.long = long.checked; render(); });
    lab.appendChild(document.createTextNode(word("long")));
    html("div", { id: "status" }, side);
    html("ul", { id: "acting" }, side);
  }

  // ── search: the posts and organs whose name (either language) contains the words typed ──
  function find(centre) {
    var query = (state.query || "").trim().toLowerCase(), hits = [];
    nodeViews.forEach(function (v) {
      var names = [v.node.zh, v.node.en, v.node.id].join(" ").toLowerCase();
      var hit = query !== "" && names.indexOf(query) >= 0;
      v.g.classList.toggle("found", hit);
      if (hit) { hits.push(v.node); }
    });
    var found = document.getElementById("found");
    found.textContent = query ? word("found").replace("{count}", String(hits.length)) : "";
    if (centre && hits.length) { centreOn(hits[0]); }
  }

  function scenario() {
    var chosen = data.pickable.map(function (_, i) { return i; }).filter(function (i) { return state.absent[i]; });
    if (!chosen.length) { return null; }
    return data.scenarios[chosen.join(",") + "|" + (state.long ? "long" : "short")] || null;
  }

  function render() {
    renderSide();
    var s = scenario();
    var away = {}, acting = {}, blocked = {}, used = {}, blockedEdges = {};
    if (s) {
      s.away.forEach(function (id) { away[id] = true; });
      s.acting.forEach(function (id) { acting[id] = true; });
      s.blocked.forEach(function (id) { blocked[id] = true; });
      s.edges.forEach(function (id) { used[id] = true; });
      s.blockedEdges.forEach(function (id) { blockedEdges[id] = true; });
    }
    svg.setAttribute("class", s ? "scenario" : "");
    nodeViews.forEach(function (v) {
      var id = v.node.id;
      v.g.setAttribute("class", "node" + (away[id] ? " away" : acting[id] ? " acting" : blocked[id] ? " blocked" : ""));
      var lines = wrap(label(v.node));
      v.text.textContent = "";
      lines.forEach(function (line, i) {
        var span = el("tspan", { x: "0", dy: i === 0 ? String(4 - (lines.length - 1) * 7) : "14" }, v.text);
        span.textContent = line;
      });
      var width = Math.max(40, v.text.getComputedTextLength ? v.text.getBBox().width + 16 : 120);
      var height = 12 + 14 * lines.length;
      v.rect.setAttribute("x", (-width / 2).toFixed(1));
      v.rect.setAttribute("y", (-height / 2).toFixed(1));
      v.rect.setAttribute("width", width.toFixed(1));
      v.rect.setAttribute("height", String(height));
    });
    edgeViews.forEach(function (v) {
      var id = v.edge.id;
      v.g.setAttribute("class", "edge" + (state.hidden[v.edge.kind] ? " hidden" : "") + (used[id] ? " used" : "") + (blockedEdges[id] ? " blockedEdge" : ""));
    });
    find(false);
    var status = document.getElementById("status"), list = document.getElementById("acting");
    if (!s) { status.textContent = word("none"); return; }
    status.textContent = s.gaps + word("gaps") + (s.lines.length ? " · " + word("acting") : "");
    s.lines.forEach(function (line) { html("li", {}, list, line[state.lang]); });
    s.blockedLines.forEach(function (line) { html("li", { "class": "blocked" }, list, line[state.lang]); });
  }

  render();
}());
