"""The preview's web application: one HTML page, its state as JSON, a stream of "changed"
events, page images and downloads; and the watcher that rebuilds after each save.

Why: a push (server-sent events) updates the page the moment something changes, with no
reload button. Documents are named by their file name, the name a văn thư knows them by
(adding a year's results must not turn the view to another document); a name is only
looked up among the current build's documents, so nothing from a request ever reaches
the file system. Built on Starlette; the watcher is watchfiles (inotify and its
equivalents: it sleeps while nothing changes, and a burst of saves gives one build).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from starlette.routing import Route
from watchfiles import awatch

from plangen.serve.guard import Guard
from plangen.serve.icon import ICON
from plangen.serve.page import page_html
from plangen.serve.preview import Preview, Shown

QUIET_MS = 150  # a change is built once nothing more has changed for this long
DEBOUNCE_MS = 1600  # ... or once a stream of changes has gone on this long
KEEPALIVE_SECONDS = 15.0
MEDIA = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         "pdf": "application/pdf"}
NO_STORE = {"Cache-Control": "no-store"}


async def watch(preview: Preview) -> None:
    """Rebuild after each change of the plan's sources (:mod:`plangen.serve.watch`).
    Folders are watched, not files: an editor that saves by writing a new file and
    renaming it over the old one replaces the file watched."""
    async for _changes in awatch(*preview.sources.folders, debounce=DEBOUNCE_MS,
                                 step=QUIET_MS, recursive=True,
                                 watch_filter=preview.sources):
        preview.rebuild()


def create_app(preview: Preview, host: str = "127.0.0.1", port: int = 8000,
               watch_files: bool = True) -> Starlette:
    """The preview's application, answering only requests for ``host`` and ``port``
    (:mod:`plangen.serve.guard`); ``watch_files`` starts the watcher with it."""

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        preview.rebuild()
        if preview.office.available:  # LibreOffice starts while the plan builds
            asyncio.get_running_loop().run_in_executor(None, preview.office.start)
        watcher = asyncio.create_task(watch(preview)) if watch_files else None
        try:
            yield
        finally:
            await preview.stopped()
            if watcher is not None:
                watcher.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await watcher
            await asyncio.to_thread(preview.close)

    async def index(_request: Request) -> HTMLResponse:
        return HTMLResponse(page_html(preview.lang, preview.plan_file.name), headers=NO_STORE)

    async def state(request: Request) -> JSONResponse:
        name = request.query_params.get("doc")
        if name:
            preview.look_at(name)
        return JSONResponse(state_json(preview, name), headers=NO_STORE)

    async def events(_request: Request) -> StreamingResponse:
        async def stream() -> AsyncIterator[str]:
            seen = -1
            while not preview.stopping:
                if preview.tick > seen:
                    seen = preview.tick
                    yield f"data: {seen}\n\n"
                else:
                    yield ": keep-alive\n\n"
                await preview.next_change(seen, KEEPALIVE_SECONDS)
        return StreamingResponse(stream(), media_type="text/event-stream", headers=NO_STORE)

    async def page_image(request: Request) -> Response:
        version = request.query_params.get("v", "").partition(".")[0]
        snapshot = preview.version(int(version)) if version.isdigit() else preview.snapshot
        shown = snapshot.find(request.query_params.get("doc")) if snapshot else None
        number = request.path_params["page"]
        image = await preview.page(shown, number) if shown is not None else None
        if image is None:
            return Response(status_code=404)
        return Response(image, media_type="image/jpeg", headers=NO_STORE)

    async def download(request: Request) -> Response:
        kind = request.path_params["format"]
        shown = preview.snapshot.find(request.query_params.get("doc"))
        if kind not in MEDIA or shown is None or shown.docx is None:
            return Response(status_code=404)
        source = shown.docx if kind == "docx" else await preview.pdf(shown)
        if source is None or not source.is_file():
            return Response(status_code=404)
        name = shown.name.rsplit("/", 1)[-1].removesuffix(".docx") + f".{kind}"
        return Response(source.read_bytes(), media_type=MEDIA[kind], headers={
            "Content-Disposition": f'attachment; filename="{name}"'})

    async def icon(_request: Request) -> Response:
        return Response(ICON, media_type="image/x-icon",
                        headers={"Cache-Control": "max-age=86400"})

    return Starlette(routes=[
        Route("/", index), Route("/state", state), Route("/events", events),
        Route("/page/{page:int}", page_image), Route("/download/{format:str}", download),
        Route("/favicon.ico", icon),
    ], middleware=[Middleware(Guard, host=host, port=port)], lifespan=lifespan)


def state_json(preview: Preview, name: str | None) -> dict[str, Any]:
    """What the page shows, as its script reads it: the plan's errors, every document's
    state, and the document ``name`` (the first when it has gone or none is asked for):
    what is said of it and its pages so far (the drawing is started here)."""
    snapshot = preview.snapshot
    shown = snapshot.find(name) or next(iter(snapshot.documents), None)
    return {"version": snapshot.version, "building": snapshot.building,
            "errors": snapshot.errors, "note": preview.note(),
            "documents": [{"name": d.name, "kind": d.kind, "state": d.state,
                           "problems": len(d.reasons) + len(d.findings)}
                          for d in snapshot.documents],
            "missing": name if name and shown is not None and shown.name != name else None,
            "shown": None if shown is None else shown_json(preview, shown)}


def shown_json(preview: Preview, shown: Shown) -> dict[str, Any]:
    """One document: what the gate and the checker say, and its pages so far."""
    pages = preview.pages_of(shown)
    return {"name": shown.name, "kind": shown.kind, "state": shown.state,
            "reasons": shown.reasons, "findings": shown.findings,
            "checked_in_full": shown.checked_in_full, "ready": shown.docx is not None,
            "pages": pages.sizes, "stage": pages.stage, "estimate": pages.estimate,
            "complete": pages.complete, "failed": pages.failed}
