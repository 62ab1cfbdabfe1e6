"""The preview's one page: HTML, style and script, its words in the preview's language.

Why one page with its script inline: nothing to build or download, and the page works
offline. What it keeps for the văn thư:

- the document shown is remembered by its file name (in the address, ``#ke-hoach.docx``),
  so a reload, a save or a new document in the plan does not change it; if it leaves the
  plan, the page says so;
- the place in the document: pages are replaced in place (a new image is loaded first,
  then put where the old one was), each page keeping its size from the moment it is
  known, so a save never scrolls; the boxes of errors and findings are beside the pages,
  not above them; and the place in each document is kept for the tab's life;
- every problem: each document's state in the list (✓ clean, ⚠ findings, ✗ refused), and
  a box with a link to every other document that has a problem;
- a large document's first pages at once, the others as they come, with a progress bar;
  pages are loaded as they come near the screen (``loading="lazy"``).
"""

from __future__ import annotations

import html
import json

from plangen.messages import Lang, message

WORDS = ("title", "document", "errors", "download", "empty", "building", "drawing", "more",
         "checking",
         "elsewhere", "others", "gone", "form_checked", "no_pages", "stopped", "head_clean",
         "head_findings", "head_refused", "head_pending", "state_clean", "state_findings",
         "state_refused", "state_pending", "page")
SLOTS = {name: f"{{{name}}}" for name in
         ("shown", "estimate", "seconds", "count", "done", "total", "name", "number")}
"""The slots of the words that the script fills in: kept as they are, for it."""


def page_html(lang: Lang, plan_name: str) -> str:
    """The page for the plan file called ``plan_name``."""
    words = {key: message(f"serve_{key}", lang, **SLOTS) for key in WORDS}
    title = html.escape(f"{words['title']} · {plan_name}")
    return PAGE.replace("{{title}}", title).replace("{{lang}}", lang).replace(
        "{{words}}", json.dumps(words, ensure_ascii=False).replace("</", "<\\/"))


PAGE = """<!doctype html>
<html lang="{{lang}}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}}</title>
<link rel="icon" href="/favicon.ico">
<style>
body{margin:0;font-family:system-ui,sans-serif;background:#e9ebee;color:#222;display:flex;
 align-items:flex-start}
aside{position:sticky;top:0;box-sizing:border-box;width:25rem;flex:none;height:100vh;
 overflow:auto;background:#fff;border-right:1px solid #ccc;padding:.8rem 1rem;font-size:.9rem}
aside h1{font-size:1rem;margin:0 0 .6rem}
aside select{width:100%;margin:.3rem 0;font-size:.9rem}
#links a{margin-right:1rem}
.box{margin:.7rem 0;padding:.5rem .7rem;border-radius:6px;white-space:pre-wrap;
 overflow-wrap:anywhere}
#errors,.box.refused{background:#fde8e8;border:1px solid #e0a0a0}
.box.findings,#elsewhere{background:#fff6dd;border:1px solid #e5cf8a}
.box.clean{background:#e7f5e9;border:1px solid #9ccaa4}
.box.pending,#note,#progress,#gone{background:#eef3ff;border:1px solid #aabbdd}
#elsewhere a{display:block}
progress{width:100%}
main{flex:1;min-width:0;display:flex;flex-direction:column;align-items:center;gap:1rem;
 padding:1rem}
figure{margin:0;max-width:100%}
figure img{display:block;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.3);max-width:100%;
 height:auto}
figure.stale img{opacity:.55}
.hidden{display:none}
@media (max-width:60rem){body{display:block}aside{position:static;width:auto;height:auto}}
</style></head>
<body>
<aside>
<h1 id="heading"></h1>
<label for="doc" id="doc-label"></label>
<select id="doc"></select>
<div id="links"></div>
<div id="progress" class="box hidden" role="status"><span></span><progress></progress></div>
<div id="gone" class="box hidden" role="status"></div>
<div id="errors" class="box hidden" role="alert"></div>
<div id="note" class="box hidden"></div>
<div id="elsewhere" class="box hidden"><span></span></div>
<div id="findings" class="box hidden"></div>
</aside>
<main id="pages"></main>
<script>
const W = {{words}};
const MARK = {clean: "✓", findings: "⚠", refused: "✗", pending: "…"};
const $ = (id) => document.getElementById(id);
const fill = (text, values) => text.replace(/\\{(\\w+)\\}/g, (_m, k) => values[k]);
$("heading").textContent = document.title;
$("doc-label").textContent = W.document;
let current = decodeURIComponent(location.hash.slice(1)) || null;
let listed = "", restoreFor = current, busy = false, again = false;

function choose(name) {
  if (name === current) return;
  current = name; restoreFor = name;
  history.replaceState(null, "", "#" + encodeURIComponent(name));
  $("pages").replaceChildren(); $("pages").dataset.doc = "";
  $("gone").classList.add("hidden");
  refresh();
}
$("doc").addEventListener("change", () => choose($("doc").value));
addEventListener("scroll", () => {
  if (current && restoreFor !== current) sessionStorage.setItem("scroll:" + current, scrollY);
}, {passive: true});

function box(id, lines, head, kind) {
  const el = $(id);
  if (kind) el.className = "box " + kind;
  el.classList.toggle("hidden", !lines.length && !head);
  el.textContent = head ? [head, ...lines].join("\\n") : lines.join("\\n");
}

function list(documents) {
  const key = documents.map(d => d.state + d.name).join("|");
  if (key !== listed) {
    listed = key;
    $("doc").replaceChildren(...documents.map(d => {
      const o = document.createElement("option");
      o.value = d.name; o.dataset.state = d.state;
      o.textContent = MARK[d.state] + " " + d.name;
      o.title = W["state_" + d.state]; return o; }));
  }
  $("doc").value = current;
}

function elsewhere(documents) {
  const bad = documents.filter(d => d.name !== current &&
                                    (d.state === "refused" || d.state === "findings"))
    .sort((a, b) => (a.state === "refused" ? 0 : 1) - (b.state === "refused" ? 0 : 1));
  const el = $("elsewhere");
  el.classList.toggle("hidden", !bad.length);
  const links = bad.slice(0, 8).map(d => {
    const a = document.createElement("a"); a.href = "#" + encodeURIComponent(d.name);
    a.dataset.name = d.name;
    a.textContent = MARK[d.state] + " " + d.name + " — " + W["state_" + d.state];
    a.addEventListener("click", (e) => { e.preventDefault(); choose(d.name); });
    return a; });
  const rest = bad.length - links.length;
  el.replaceChildren(W.elsewhere, ...links,
                     ...(rest > 0 ? [fill(W.others, {count: rest})] : []));
}

let drawing = null;  // the progress shown: {text, since}
function progress(s, shown) {
  const el = $("progress"), bar = el.querySelector("progress");
  let text = null;
  bar.removeAttribute("value");
  if (!shown || !shown.ready) text = W.building;
  else if (!shown.complete && !s.note && shown.stage === 1) {
    text = W.more; bar.max = shown.estimate; bar.value = shown.pages.length;
  } else if (!shown.complete && !s.note) text = W.drawing;
  else if (s.building) {
    const done = s.documents.filter(d => d.state !== "pending").length;
    text = fill(W.checking, {done: done, total: s.documents.length});
    bar.max = s.documents.length; bar.value = done;
  }
  el.classList.toggle("hidden", text === null);
  if (text === null) { drawing = null; return; }
  if (!drawing || drawing.text !== text) drawing = {text: text, since: Date.now()};
  drawing.values = {shown: shown ? shown.pages.length : 0,
                    estimate: shown ? shown.estimate : 0};
  tick();
}
function tick() {
  if (!drawing) return;
  const seconds = Math.round((Date.now() - drawing.since) / 1000);
  $("progress").querySelector("span").textContent =
    fill(drawing.text, {...drawing.values, seconds: seconds});
}
setInterval(tick, 1000);

function pages(s, shown) {
  const main = $("pages");
  if (main.dataset.doc !== shown.name) { main.replaceChildren(); main.dataset.doc = shown.name; }
  const token = s.version + "." + shown.stage;
  shown.pages.forEach(([w, h], i) => {
    let figure = main.children[i];
    if (!figure) {
      figure = document.createElement("figure"); figure.id = "trang-" + (i + 1);
      const img = document.createElement("img"); img.loading = "lazy";
      figure.append(img); main.append(figure);
    }
    const img = figure.firstChild;
    img.alt = shown.name + " — " + fill(W.page, {number: i + 1});
    figure.classList.remove("stale");
    if (img.dataset.token === token) return;
    img.dataset.token = token;
    const url = "/page/" + (i + 1) + "?doc=" + encodeURIComponent(shown.name) + "&v=" + token;
    if (img.complete && img.naturalWidth) {  // on screen already: swapped once loaded
      const next = new Image();
      next.onload = () => { if (img.dataset.token === token) {
        img.width = w; img.height = h; img.src = url; } };
      next.src = url;
    } else { img.width = w; img.height = h; img.src = url; }
  });
  // The old version's pages past the new ones stay until the document is complete,
  // dimmed while a large document's others are laid out.
  const extra = [...main.children].slice(shown.pages.length);
  if (shown.complete) extra.forEach(f => f.remove());
  else if (shown.stage === 1) extra.forEach(f => f.classList.add("stale"));
  if (!main.children.length && shown.complete && !s.note) main.textContent = W.empty;
  if (restoreFor === shown.name && shown.pages.length) {  // back to where the tab was
    const y = Number(sessionStorage.getItem("scroll:" + shown.name) || 0);
    if (y + innerHeight <= document.documentElement.scrollHeight || shown.complete) {
      scrollTo(0, y); restoreFor = null;
    }
  }
}

async function update() {
  const s = await (await fetch("/state?doc=" + encodeURIComponent(current || ""),
                               {cache: "no-store"})).json();
  box("errors", s.errors, s.errors.length ? W.errors : "");
  box("note", s.note ? [s.note] : [], "");
  const shown = s.shown;
  if (shown && (s.missing || !current)) {  // none asked for, or gone: the first one
    if (s.missing) box("gone", [fill(W.gone, {name: s.missing, shown: shown.name})], "");
    current = restoreFor = shown.name;
    history.replaceState(null, "", "#" + encodeURIComponent(current));
  }
  list(s.documents);
  elsewhere(s.documents);
  progress(s, shown);
  const links = $("links"); links.replaceChildren();
  if (shown) {
    const lines = [...shown.reasons, ...shown.findings];
    if (!shown.checked_in_full && shown.state !== "pending") lines.push(W.form_checked);
    if (shown.failed) lines.push(W.no_pages);
    box("findings", lines, W["head_" + shown.state], shown.state);
    for (const f of ["docx", "pdf"]) {
      const a = document.createElement("a");
      a.href = "/download/" + f + "?doc=" + encodeURIComponent(shown.name);
      a.textContent = W.download + " " + f.toUpperCase(); links.append(a); }
    pages(s, shown);
  } else { box("findings", [], ""); }
  document.body.dataset.version = s.version;
  document.body.dataset.building = s.building;
  document.body.dataset.complete = Boolean(shown && shown.complete);
}

async function refresh() {
  if (busy) { again = true; return; }
  busy = true;
  try { do { again = false; await update(); } while (again); }
  catch (e) { again = false; }
  finally { busy = false; }
}

const events = new EventSource("/events");
events.onmessage = refresh;
events.onerror = () => box("note", [W.stopped], "");
</script></body></html>
"""
