/* marsad web page: map, weekly timeline, table, evidence detail, control.
 *
 * Plain JS, no build step, loaded by index.html under a strict CSP (script-src 'self').
 * Every value from the API (article text above all) reaches the page through
 * document.createElement + textContent / setAttribute only (no HTML parsing of data), so markup in
 * an article is shown as text and cannot run. Filtering, paging and aggregation are done
 * by the server in DuckDB (/api/points, /api/stats, /api/events).
 */
(function () {
  "use strict";

  var TYPE_COLOURS = {
    "Battles": "#d32f2f",
    "Explosions/Remote violence": "#f57c00",
    "Violence against civilians": "#7b1fa2",
    "Protests": "#1976d2",
    "Riots": "#0097a7",
    "Strategic developments": "#388e3c"
  };
  var FALLBACK = ["#5d4037", "#455a64", "#c2185b", "#afb42b", "#512da8", "#00796b"];
  var HOLDER_COLOURS = ["#e57373", "#64b5f6", "#81c784", "#ffb74d", "#ba68c8", "#4db6ac",
    "#a1887f", "#90a4ae"];
  var FIELD_LABELS = {
    actor1: "actor", actor2: "actor 2", assoc_actor_1: "associate", assoc_actor_2: "associate 2",
    location: "place", event_date: "date", fatalities: "fatalities", event_type: "event type",
    sub_event_type: "sub-event type", claimed_by: "claimed by"
  };
  var PAGE_SIZE = 25;
  var DAY = 86400000;

  var state = {
    filters: { type: "", country: "", actor: "", q: "", since: "", until: "" },
    sort: "-event_date",
    page: 1,
    pages: 0,
    selected: null,
    fitted: false
  };

  // ------------------------------------------------------------------ helpers

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (attrs[k] !== null && attrs[k] !== undefined) node.setAttribute(k, String(attrs[k]));
      });
    }
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function svgEl(tag, attrs) {
    var node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function colour(type) {
    if (TYPE_COLOURS[type]) return TYPE_COLOURS[type];
    var h = 0;
    String(type).split("").forEach(function (c) { h = (h * 31 + c.charCodeAt(0)) >>> 0; });
    return FALLBACK[h % FALLBACK.length];
  }

  function holderColour(holder, seen) {
    if (!(holder in seen)) seen[holder] = HOLDER_COLOURS[Object.keys(seen).length % HOLDER_COLOURS.length];
    return seen[holder];
  }

  function query(params) {
    var parts = [];
    Object.keys(params).forEach(function (k) {
      var v = params[k];
      if (v !== "" && v !== null && v !== undefined) {
        parts.push(encodeURIComponent(k) + "=" + encodeURIComponent(v));
      }
    });
    return parts.length ? "?" + parts.join("&") : "";
  }

  function filterParams(withDates) {
    var f = state.filters, out = {};
    ["type", "country", "actor", "q"].forEach(function (k) { out[k] = f[k]; });
    if (withDates) { out.since = f.since; out.until = f.until; }
    return out;
  }

  function status(text, isError) {
    var s = $("status");
    s.textContent = text || "";
    s.className = isError ? "error" : "";
  }

  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) {
        if (!r.ok) {
          var d = body && body.detail;
          var msg = typeof d === "string" ? d : (Array.isArray(d) && d.length ? d[0].msg : r.statusText);
          var err = new Error(msg || ("HTTP " + r.status));
          err.status = r.status;
          throw err;
        }
        return body;
      });
    });
  }

  function isoDay(ms) { return new Date(ms).toISOString().slice(0, 10); }
  function parseDay(s) { return Date.parse(s + "T00:00:00Z"); }

  // ------------------------------------------------------------------ map

  var map = L.map("map", { minZoom: 1, maxZoom: 12, worldCopyJump: true, preferCanvas: false });
  map.attributionControl.setPrefix("Leaflet | Natural Earth");
  map.setView([30, 30], 2);
  var svgRenderer = L.svg({ padding: 0.5 });
  var outlines = L.layerGroup().addTo(map);
  var markers = L.layerGroup().addTo(map);

  getJSON("/static/data/countries-110m.geojson").then(function (geo) {
    L.geoJSON(geo, {
      renderer: svgRenderer,
      interactive: false,
      style: { color: "#8d8d8d", weight: 0.7, fillColor: "#f2efe6", fillOpacity: 1 }
    }).addTo(outlines);
  }).catch(function (e) { status("outlines: " + e.message, true); });

  function loadPoints() {
    return getJSON("/api/points" + query(Object.assign(filterParams(true), { limit: 2000 })))
      .then(function (body) {
        markers.clearLayers();
        var bounds = [];
        body.items.forEach(function (p) {
          var radius = Math.min(18, 5 + 2 * Math.sqrt(p.events));
          var m = L.circleMarker([p.latitude, p.longitude], {
            renderer: svgRenderer, radius: radius, color: "#212121", weight: 1,
            fillColor: colour(p.event_type), fillOpacity: 0.85
          });
          m.on("click", function () { showEvent(p.event_id); });
          markers.addLayer(m);
          var node = m.getElement();
          if (node) {
            var label = (p.location || "?") + ": " + p.events + " × " + p.event_type +
              " (" + (p.first_date === p.last_date ? p.last_date : p.first_date + " – " + p.last_date) + ")";
            node.setAttribute("class", (node.getAttribute("class") || "") + " event-marker");
            node.setAttribute("data-event-id", p.event_id);
            node.setAttribute("data-location", p.location || "");
            node.setAttribute("data-event-type", p.event_type || "");
            node.setAttribute("data-count", p.events);
            node.setAttribute("role", "button");
            node.setAttribute("tabindex", "0");
            node.setAttribute("aria-label", label);
            var title = svgEl("title", {});
            title.textContent = label;
            node.appendChild(title);
            node.addEventListener("keydown", function (ev) {
              if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); showEvent(p.event_id); }
            });
          }
          bounds.push([p.latitude, p.longitude]);
        });
        if (!state.fitted && bounds.length) {
          map.fitBounds(bounds, { padding: [30, 30], maxZoom: 7 });
          state.fitted = true;
        }
        $("map").setAttribute("data-markers", String(body.items.length));
        if (body.truncated) status("map shows the " + body.items.length + " largest groups");
      });
  }

  function drawLegend(types) {
    var legend = $("legend");
    clear(legend);
    types.forEach(function (t) {
      var item = el("span", { "class": "legend-item" });
      var sw = el("span", { "class": "swatch" });
      sw.style.background = colour(t.event_type);
      item.appendChild(sw);
      item.appendChild(document.createTextNode(t.event_type + " (" + t.events + ")"));
      legend.appendChild(item);
    });
  }

  function fillTypeSelect(types) {
    var select = $("f-type");
    if (select.options.length > 1) return;
    types.forEach(function (t) { select.appendChild(el("option", { value: t.event_type }, t.event_type)); });
  }

  // ------------------------------------------------------------------ timeline

  var timeline = { x0: 0, x1: 0, t0: 0, t1: 0, width: 0, svg: null, brush: null };

  function loadTimeline() {
    return getJSON("/api/stats" + query(filterParams(false))).then(function (body) {
      fillTypeSelect(body.by_type);
      drawLegend(body.by_type);
      timeline.body = body;
      drawTimeline(body);
    });
  }

  var resizeTimer = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () { if (timeline.body) drawTimeline(timeline.body); }, 200);
  });

  function drawTimeline(body) {
    var box = $("timeline");
    clear(box);
    var weeks = body.weeks.filter(function (w) { return w.week_start; });
    if (!weeks.length) { box.appendChild(el("p", { "class": "hint" }, "No dated events.")); return; }
    var width = Math.max(300, box.clientWidth || 600), height = 170;
    var left = 30, right = 10, top = 8, bottom = 22;
    var t0 = parseDay(weeks[0].week_start), t1 = parseDay(weeks[weeks.length - 1].week_start) + 7 * DAY;
    weeks.forEach(function (w) { var t = parseDay(w.week_start); if (t < t0) t0 = t; if (t + 7 * DAY > t1) t1 = t + 7 * DAY; });
    var span = Math.max(t1 - t0, 7 * DAY);
    var plotW = width - left - right, plotH = height - top - bottom;
    function x(t) { return left + (t - t0) / span * plotW; }
    var stacks = {}, order = [];
    weeks.forEach(function (w) {
      if (!stacks[w.week_start]) { stacks[w.week_start] = []; order.push(w.week_start); }
      stacks[w.week_start].push(w);
    });
    var maxTotal = 1;
    order.forEach(function (k) {
      var total = stacks[k].reduce(function (a, w) { return a + w.events; }, 0);
      if (total > maxTotal) maxTotal = total;
    });
    var svg = svgEl("svg", { viewBox: "0 0 " + width + " " + height, preserveAspectRatio: "none",
      role: "img", "aria-label": "events per week by type" });
    var barW = Math.max(2, plotW * 7 * DAY / span - 1);
    order.forEach(function (k) {
      var base = top + plotH, t = parseDay(k);
      stacks[k].forEach(function (w) {
        var h = w.events / maxTotal * plotH;
        base -= h;
        var rect = svgEl("rect", { x: x(t), y: base, width: barW, height: Math.max(h, 0.5),
          fill: colour(w.event_type), "class": "bar", "data-week": w.week, "data-week-start": k });
        var title = svgEl("title", {});
        title.textContent = w.week + " · " + w.event_type + ": " + w.events;
        rect.appendChild(title);
        svg.appendChild(rect);
      });
    });
    // axis: years (or months for short spans)
    var axis = svgEl("g", { "class": "axis" });
    axis.appendChild(svgEl("line", { x1: left, x2: width - right, y1: top + plotH, y2: top + plotH, stroke: "#999" }));
    var d0 = new Date(t0), monthly = span < 3 * 365 * DAY;
    var tick = monthly ? Date.UTC(d0.getUTCFullYear(), d0.getUTCMonth() + 1, 1) : Date.UTC(d0.getUTCFullYear() + 1, 0, 1);
    var step = monthly ? (span < 400 * DAY ? 1 : 3) : 1;
    while (tick <= t1) {
      var d = new Date(tick), tx = x(tick);
      axis.appendChild(svgEl("line", { x1: tx, x2: tx, y1: top + plotH, y2: top + plotH + 4, stroke: "#999" }));
      var label = svgEl("text", { x: tx, y: height - 6, "text-anchor": "middle" });
      label.textContent = monthly ? d.toISOString().slice(0, 7) : String(d.getUTCFullYear());
      axis.appendChild(label);
      tick = monthly ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step, 1) : Date.UTC(d.getUTCFullYear() + 1, 0, 1);
    }
    var yl = svgEl("text", { x: 2, y: top + 8 });
    yl.textContent = String(maxTotal);
    axis.appendChild(yl);
    svg.appendChild(axis);
    var brush = svgEl("rect", { "class": "brush", x: 0, y: top, width: 0, height: plotH, visibility: "hidden" });
    svg.appendChild(brush);
    box.appendChild(svg);
    timeline = { t0: t0, span: span, left: left, plotW: plotW, width: width, svg: svg, brush: brush,
      body: body };
    showBrush();
    attachBrush(svg);
  }

  function toTime(clientX) {
    var r = timeline.svg.getBoundingClientRect();
    var vx = (clientX - r.left) / r.width * timeline.width;
    var frac = Math.min(1, Math.max(0, (vx - timeline.left) / timeline.plotW));
    return timeline.t0 + frac * timeline.span;
  }

  function xOf(t) { return timeline.left + (t - timeline.t0) / timeline.span * timeline.plotW; }

  function showBrush() {
    var f = state.filters, b = timeline.brush;
    if (!b) return;
    if (!f.since && !f.until) { b.setAttribute("visibility", "hidden"); return; }
    var a = f.since ? parseDay(f.since) : timeline.t0;
    var z = f.until ? parseDay(f.until) + DAY : timeline.t0 + timeline.span;
    var xa = Math.max(timeline.left, xOf(a)), xz = Math.min(timeline.left + timeline.plotW, xOf(z));
    b.setAttribute("x", xa);
    b.setAttribute("width", Math.max(1, xz - xa));
    b.setAttribute("visibility", "visible");
  }

  function attachBrush(svg) {
    var start = null;
    svg.addEventListener("pointerdown", function (ev) {
      start = { t: toTime(ev.clientX), cx: ev.clientX, target: ev.target };
      if (svg.setPointerCapture) svg.setPointerCapture(ev.pointerId);
      ev.preventDefault();
    });
    svg.addEventListener("pointermove", function (ev) {
      if (!start) return;
      var a = Math.min(start.t, toTime(ev.clientX)), z = Math.max(start.t, toTime(ev.clientX));
      timeline.brush.setAttribute("x", xOf(a));
      timeline.brush.setAttribute("width", Math.max(1, xOf(z) - xOf(a)));
      timeline.brush.setAttribute("visibility", "visible");
    });
    svg.addEventListener("pointerup", function (ev) {
      if (!start) return;
      var s = start;
      start = null;
      var since, until;
      if (Math.abs(ev.clientX - s.cx) < 4) {
        var weekStart = s.target && s.target.getAttribute && s.target.getAttribute("data-week-start");
        var ws = weekStart ? parseDay(weekStart) : s.t - ((new Date(s.t).getUTCDay() + 6) % 7) * DAY;
        since = isoDay(ws);
        until = isoDay(ws + 6 * DAY);
      } else {
        var a = Math.min(s.t, toTime(ev.clientX)), z = Math.max(s.t, toTime(ev.clientX));
        since = isoDay(a);
        until = isoDay(z);
      }
      setDates(since, until);
    });
  }

  function setDates(since, until) {
    state.filters.since = since;
    state.filters.until = until;
    $("f-since").value = since;
    $("f-until").value = until;
    state.page = 1;
    showBrush();
    Promise.all([loadPoints(), loadTable()]).catch(report);
  }

  // ------------------------------------------------------------------ table

  function actors(e) {
    return [e.actor1, e.actor2].filter(function (a) { return a; }).join(" vs ");
  }

  function loadTable() {
    var params = Object.assign(filterParams(true), { sort: state.sort, page: state.page, page_size: PAGE_SIZE });
    return getJSON("/api/events" + query(params)).then(function (body) {
      var tbody = document.querySelector("#events tbody");
      clear(tbody);
      body.items.forEach(function (e) {
        var tr = el("tr", { "data-event-id": e.event_id, tabindex: 0 });
        if (e.event_id === state.selected) tr.className = "selected";
        tr.appendChild(el("td", null, e.event_date || ""));
        var typeCell = el("td");
        var sw = el("span", { "class": "swatch" });
        sw.style.background = colour(e.event_type);
        typeCell.appendChild(sw);
        typeCell.appendChild(document.createTextNode(e.event_type || ""));
        tr.appendChild(typeCell);
        tr.appendChild(el("td", null, [e.location, e.country].filter(Boolean).join(", ")));
        tr.appendChild(el("td", null, actors(e)));
        tr.appendChild(el("td", null, e.fatalities === null ? "" : e.fatalities));
        tr.appendChild(el("td", null, e.notes || ""));
        tr.addEventListener("click", function () { showEvent(e.event_id); });
        tr.addEventListener("keydown", function (ev) { if (ev.key === "Enter") showEvent(e.event_id); });
        tbody.appendChild(tr);
      });
      state.pages = body.pages;
      $("table-count").textContent = "(" + body.total + ")";
      $("page-info").textContent = body.total ? "page " + body.page + " of " + body.pages : "no events";
      $("prev").disabled = body.page <= 1;
      $("next").disabled = body.page >= body.pages;
    });
  }

  // ------------------------------------------------------------------ detail

  function fieldClass(field) { return "field-" + String(field).replace(/[^a-z0-9_]/gi, "_"); }

  /* The sentence as text nodes, with each evidence span inside it wrapped in <mark>. */
  function highlighted(sentence, evidence) {
    var text = sentence.text || "";
    var spans = [];
    evidence.forEach(function (ev) {
      if (ev.article_id !== sentence.article_id) return;
      var a = ev.start - sentence.start, z = ev.end - sentence.start;
      if (a < 0 || a >= text.length) return;
      if (text.slice(a, z) !== ev.text) {  // offsets disagree: look the words up instead
        var i = ev.text ? text.indexOf(ev.text) : -1;
        if (i < 0) return;
        a = i; z = i + ev.text.length;
      }
      spans.push({ a: a, z: Math.min(z, text.length), ev: ev });
    });
    spans.sort(function (p, q) { return p.a - q.a || (q.z - q.a) - (p.z - p.a); });
    var block = el("blockquote", { "class": "sentence" });
    var cursor = 0;
    spans.forEach(function (s) {
      if (s.a < cursor) {  // overlaps a span already marked: name its field there too
        return;
      }
      if (s.a > cursor) block.appendChild(document.createTextNode(text.slice(cursor, s.a)));
      var mark = el("mark", {
        "class": fieldClass(s.ev.field),
        "data-field": s.ev.field,
        title: (FIELD_LABELS[s.ev.field] || s.ev.field) + " · " + s.ev.method +
          (s.ev.confidence !== null ? " · " + s.ev.confidence : "")
      }, text.slice(s.a, s.z));
      block.appendChild(mark);
      cursor = s.z;
    });
    if (cursor < text.length) block.appendChild(document.createTextNode(text.slice(cursor)));
    return block;
  }

  function fieldRow(dl, label, value) {
    if (value === null || value === undefined || value === "") return;
    dl.appendChild(el("dt", null, label));
    dl.appendChild(el("dd", null, value));
  }

  function safeUrl(url) {
    try {
      var u = new URL(url, window.location.href);
      return (u.protocol === "http:" || u.protocol === "https:") ? u.href : null;
    } catch (e) { return null; }
  }

  function showEvent(id) {
    state.selected = id;
    document.querySelectorAll("#events tbody tr").forEach(function (tr) {
      tr.className = tr.getAttribute("data-event-id") === id ? "selected" : "";
    });
    var box = $("detail");
    box.setAttribute("aria-busy", "true");
    return getJSON("/api/events/" + encodeURIComponent(id)).then(function (e) {
      clear(box);
      box.setAttribute("data-event-id", e.event_id);
      box.appendChild(el("h3", null, e.event_type + (e.sub_event_type ? " — " + e.sub_event_type : "")));
      var dl = el("dl", { "class": "fields" });
      var when = e.event_date || "";
      if (e.date_earliest && e.date_latest && e.date_earliest !== e.date_latest) {
        when += " (between " + e.date_earliest + " and " + e.date_latest + ")";
      }
      fieldRow(dl, "id", e.event_id);
      fieldRow(dl, "date", when);
      fieldRow(dl, "place", [e.location, e.admin1, e.country].filter(Boolean).join(", "));
      fieldRow(dl, "actor", e.actor1);
      fieldRow(dl, "associate", e.assoc_actor_1);
      fieldRow(dl, "actor 2", e.actor2);
      fieldRow(dl, "associate 2", e.assoc_actor_2);
      var fat = e.fatalities;
      if (fat !== null && e.fatalities_low !== null && e.fatalities_high !== null &&
          e.fatalities_low !== e.fatalities_high) {
        fat = fat + " (" + e.fatalities_low + "–" + e.fatalities_high + ")";
      }
      fieldRow(dl, "fatalities", fat);
      fieldRow(dl, "claimed by", e.claimed_by);
      fieldRow(dl, "notes", e.notes);
      fieldRow(dl, "sources", e.source + (e.n_sources > 1 ? " (" + e.n_sources + ")" : ""));
      box.appendChild(dl);

      var legend = el("p", { "class": "mark-legend" });
      var fields = [];
      e.evidence.forEach(function (ev) { if (fields.indexOf(ev.field) < 0) fields.push(ev.field); });
      fields.forEach(function (f) { legend.appendChild(el("mark", { "class": fieldClass(f) }, FIELD_LABELS[f] || f)); });
      box.appendChild(el("h4", null, "Evidence"));
      box.appendChild(legend);
      e.sentences.forEach(function (s) {
        var src = el("div", { "class": "source" });
        src.appendChild(document.createTextNode((s.published || "") + " · " + (s.source || "") + " · "));
        var href = s.url ? safeUrl(s.url) : null;
        if (href) {
          var a = el("a", { href: href, rel: "noopener noreferrer nofollow", target: "_blank" }, s.title || s.url);
          src.appendChild(a);
        } else {
          src.appendChild(document.createTextNode(s.title || ""));
        }
        box.appendChild(src);
        box.appendChild(highlighted(s, e.evidence));
      });
      box.removeAttribute("aria-busy");
      if (e.location) {
        $("c-place").value = e.location;
        loadControl(e.location, $("c-on").value).catch(report);
      }
    }).catch(function (err) {
      clear(box);
      box.removeAttribute("aria-busy");
      box.appendChild(el("p", { "class": "error" }, err.message));
    });
  }

  // ------------------------------------------------------------------ control

  function loadControl(place, on) {
    var box = $("control");
    clear(box);
    if (!place && !on) return Promise.resolve();
    box.appendChild(el("p", { "class": "hint" }, "loading…"));
    return getJSON("/api/control" + query({ place: place, on: on })).then(function (body) {
      clear(box);
      box.setAttribute("data-place", place || "");
      if (!body.intervals.length) { box.appendChild(el("p", { "class": "hint" }, "No holder known.")); return; }
      var seen = {};
      // a bar over the dated intervals, one colour per holder
      var dated = body.intervals.filter(function (iv) { return iv.from || iv.to; });
      if (dated.length) {
        var times = [];
        dated.forEach(function (iv) { if (iv.from) times.push(parseDay(iv.from)); if (iv.to) times.push(parseDay(iv.to)); });
        var lo = Math.min.apply(null, times), hi = Math.max.apply(null, times);
        var pad = Math.max((hi - lo) * 0.1, 30 * DAY);
        lo -= pad; hi += pad;
        var bar = el("div", { "class": "control-bar", "aria-hidden": "true" });
        dated.forEach(function (iv) {
          var a = iv.from ? parseDay(iv.from) : lo, z = iv.to ? parseDay(iv.to) : hi;
          var seg = el("span", { title: iv.holder + ": " + (iv.from || "…") + " – " + (iv.to || "…") });
          seg.style.width = (Math.max(0, z - a) / (hi - lo) * 100) + "%";
          seg.style.background = holderColour(iv.holder, seen);
          bar.appendChild(seg);
        });
        box.appendChild(bar);
      }
      var table = el("table", { "class": "control" });
      var head = el("tr");
      ["place", "holder", "from", "to", "confidence"].forEach(function (h) { head.appendChild(el("th", null, h)); });
      table.appendChild(head);
      body.intervals.forEach(function (iv) {
        var tr = el("tr");
        tr.appendChild(el("td", null, iv.place));
        var holder = el("td");
        var sw = el("span", { "class": "swatch" });
        sw.style.background = holderColour(iv.holder, seen);
        holder.appendChild(sw);
        holder.appendChild(document.createTextNode(iv.holder + (iv.conflicting ? " (contested)" : "")));
        tr.appendChild(holder);
        tr.appendChild(el("td", null, iv.from || "…"));
        tr.appendChild(el("td", null, iv.to || "…"));
        tr.appendChild(el("td", null, iv.confidence));
        table.appendChild(tr);
      });
      box.appendChild(table);
    }).catch(function (err) {
      clear(box);
      box.appendChild(el("p", { "class": err.status === 404 ? "hint" : "error" }, err.message));
    });
  }

  // ------------------------------------------------------------------ wiring

  function report(err) { status(err && err.message ? err.message : String(err), true); }

  function readFilters() {
    Object.keys(state.filters).forEach(function (k) { state.filters[k] = $("f-" + k).value.trim(); });
  }

  function reloadAll() {
    status("loading…");
    state.page = 1;
    return Promise.all([loadTimeline(), loadPoints(), loadTable()])
      .then(function () { if (!/largest/.test($("status").textContent)) status(""); })
      .catch(report);
  }

  $("filters").addEventListener("submit", function (ev) {
    ev.preventDefault();
    readFilters();
    reloadAll();
  });
  $("f-reset").addEventListener("click", function () {
    $("filters").reset();
    readFilters();
    reloadAll();
  });
  $("brush-clear").addEventListener("click", function () { setDates("", ""); });
  $("prev").addEventListener("click", function () {
    if (state.page > 1) { state.page -= 1; loadTable().catch(report); }
  });
  $("next").addEventListener("click", function () {
    if (state.page < state.pages) { state.page += 1; loadTable().catch(report); }
  });
  document.querySelectorAll("th button[data-sort]").forEach(function (b) {
    b.addEventListener("click", function () {
      var key = b.getAttribute("data-sort");
      state.sort = state.sort === "-" + key ? key : "-" + key;
      state.page = 1;
      loadTable().catch(report);
    });
  });
  $("control-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    loadControl($("c-place").value.trim(), $("c-on").value).catch(report);
  });

  reloadAll().then(function () { document.body.setAttribute("data-ready", "true"); });
})();
