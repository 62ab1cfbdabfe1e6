"""The preview's web application: one HTML page, its state as JSON, a stream of "changed"
events, page images and downloads; and the watcher that rebuilds after each save.

Why: a push (server-sent events) updates the page the moment a build ends, with no reload
button; requests name documents and pages by number only, so no path from a request ever
reaches the file system. Built on Starlette; the watcher is watchfiles (inotify and its
equivalents: it sleeps while nothing changes, and a burst of saves gives one build).
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
from collections.abc import AsyncIterator
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from starlette.routing import Route
from watchfiles import awatch

from plangen.messages import message
from plangen.serve.preview import Preview

QUIET_MS = 150  # a change is built once nothing more has changed for this long
DEBOUNCE_MS = 1600  # ... or once a stream of changes has gone on this long
KEEPALIVE_SECONDS = 15.0
MEDIA = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         "pdf": "application/pdf"}


class Live:
    """The preview and the event its pages wait on: set, then replaced, after each build."""

    def __init__(self, preview: Preview) -> None:
        self.preview = preview
        self.changed = asyncio.Event()

    async def rebuild(self) -> None:
        await asyncio.to_thread(self.preview.rebuild)
        self.changed.set()
        self.changed = asyncio.Event()

    async def watch(self) -> None:
        """Rebuild after each change in the plan's folder (the plan, its data and CSV
        files) or its templates. Folders are watched, not files: an editor that saves by
        writing a new file and renaming it over the old one replaces the file watched."""
        folders = self.preview.watched_folders()
        async for _changes in awatch(*folders, debounce=DEBOUNCE_MS, step=QUIET_MS,
                                     recursive=True, watch_filter=self.preview.is_source):
            await self.rebuild()


def create_app(preview: Preview, watch: bool = True) -> Starlette:
    """The preview's application; ``watch`` starts the watcher with it."""
    live = Live(preview)

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        await live.rebuild()
        watcher = asyncio.create_task(live.watch()) if watch else None
        try:
            yield
        finally:
            if watcher is not None:
                watcher.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await watcher
            await asyncio.to_thread(preview.close)

    async def index(_request: Request) -> HTMLResponse:
        return HTMLResponse(page_html(preview))

    async def state(request: Request) -> JSONResponse:
        index = _number(request.query_params.get("doc", "0"))
        pages = await asyncio.to_thread(preview.pages, index) if index is not None else []
        return JSONResponse(state_json(preview, index or 0, len(pages)))

    async def events(_request: Request) -> StreamingResponse:
        async def stream() -> AsyncIterator[str]:
            yield f"data: {preview.snapshot.version}\n\n"
            while True:
                event = live.changed
                try:
                    await asyncio.wait_for(event.wait(), KEEPALIVE_SECONDS)
                    yield f"data: {preview.snapshot.version}\n\n"
                except TimeoutError:
                    yield ": keep-alive\n\n"
        return StreamingResponse(stream(), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-store"})

    async def page_image(request: Request) -> Response:
        index, number = request.path_params["doc"], request.path_params["page"]
        pages = await asyncio.to_thread(preview.pages, index)
        if not 1 <= number <= len(pages):
            return Response(status_code=404)
        return Response(pages[number - 1], media_type="image/jpeg",
                        headers={"Cache-Control": "no-store"})

    async def download(request: Request) -> Response:
        index, kind = request.path_params["doc"], request.path_params["format"]
        documents = preview.snapshot.documents
        if kind not in MEDIA or not 0 <= index < len(documents):
            return Response(status_code=404)
        if kind == "pdf":
            await asyncio.to_thread(preview.pages, index)
        shown = documents[index]
        source = shown.docx if kind == "docx" else shown.pdf
        if source is None or not source.is_file():
            return Response(status_code=404)
        name = shown.file_name.rsplit("/", 1)[-1].removesuffix(".docx") + f".{kind}"
        return Response(source.read_bytes(), media_type=MEDIA[kind],
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    return Starlette(routes=[
        Route("/", index), Route("/state", state), Route("/events", events),
        Route("/page/{doc:int}/{page:int}", page_image),
        Route("/download/{doc:int}/{format:str}", download),
    ], lifespan=lifespan)


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def state_json(preview: Preview, index: int, pages: int) -> dict[str, Any]:
    """What the page shows, as the page's script reads it."""
    snapshot = preview.snapshot
    documents = [{"name": d.file_name, "kind": d.kind, "reasons": d.reasons,
                  "findings": d.findings} for d in snapshot.documents]
    note = None if preview.office.available else message("serve_no_office", preview.lang)
    return {"version": snapshot.version, "errors": snapshot.errors, "documents": documents,
            "selected": index, "pages": pages, "note": note}


def page_html(preview: Preview) -> str:
    """The one page: its words in the preview's language, its script inline."""
    words = {key: message(f"serve_{key}", preview.lang)
             for key in ("title", "document", "errors", "findings", "download", "empty")}
    title = html.escape(f"{words['title']} · {preview.plan_file.name}")
    return PAGE.replace("{{title}}", title).replace(
        "{{words}}", json.dumps(words, ensure_ascii=False).replace("</", "<\\/"))


PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}}</title>
<style>
body{margin:0;font-family:system-ui,sans-serif;background:#e9ebee;color:#222}
header{position:sticky;top:0;background:#fff;border-bottom:1px solid #ccc;padding:.6rem 1rem;
 display:flex;gap:1rem;align-items:center;flex-wrap:wrap;z-index:1}
header h1{font-size:1rem;margin:0}
.box{max-width:56rem;margin:1rem auto;padding:.6rem 1rem;border-radius:6px;white-space:pre-wrap;
 font-size:.9rem;overflow-wrap:anywhere}
#errors{background:#fde8e8;border:1px solid #e0a0a0}
#findings{background:#fff6dd;border:1px solid #e5cf8a}
#note{background:#eef3ff;border:1px solid #aabbdd}
#pages{display:flex;flex-direction:column;align-items:center;gap:1rem;padding:1rem}
#pages img{background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.3);max-width:100%}
.hidden{display:none}
</style></head>
<body>
<header><h1 id="heading"></h1>
<label><span id="doc-label"></span> <select id="doc"></select></label>
<span id="links"></span></header>
<div id="errors" class="box hidden" role="alert"></div>
<div id="note" class="box hidden"></div>
<div id="findings" class="box hidden"></div>
<main id="pages"></main>
<script>
const W = {{words}};
document.getElementById("heading").textContent = document.title;
document.getElementById("doc-label").textContent = W.document;
const select = document.getElementById("doc");
let current = 0;
select.addEventListener("change", () => { current = Number(select.value); refresh(); });
function show(id, lines, head) {
  const box = document.getElementById(id);
  box.classList.toggle("hidden", !lines.length);
  box.textContent = lines.length ? head + "\\n" + lines.join("\\n") : "";
}
async function refresh() {
  const s = await (await fetch("/state?doc=" + current, {cache: "no-store"})).json();
  show("errors", s.errors, W.errors);
  const note = document.getElementById("note");
  note.classList.toggle("hidden", !s.note); note.textContent = s.note || "";
  select.replaceChildren(...s.documents.map((d, i) => {
    const o = document.createElement("option"); o.value = i; o.textContent = d.name;
    o.selected = i === current; return o; }));
  const d = s.documents[current];
  show("findings", d ? [...d.reasons, ...d.findings] : [], W.findings);
  const links = document.getElementById("links"); links.replaceChildren();
  if (d) for (const f of ["docx", "pdf"]) {
    const a = document.createElement("a"); a.href = "/download/" + current + "/" + f;
    a.textContent = W.download + " " + f.toUpperCase(); a.style.marginRight = "1rem";
    links.append(a); }
  const pages = document.getElementById("pages"); pages.replaceChildren();
  for (let n = 1; n <= s.pages; n++) {
    const img = document.createElement("img"); img.alt = (d ? d.name : "") + " " + n;
    img.src = "/page/" + current + "/" + n + "?v=" + s.version; pages.append(img); }
  if (!s.pages && !s.note) pages.textContent = W.empty;
  document.body.dataset.version = s.version;
}
new EventSource("/events").onmessage = refresh;
</script></body></html>
"""
