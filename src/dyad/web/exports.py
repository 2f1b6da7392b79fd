"""The exports of ``dyad.export``, one pair at a time, as downloads.

``/dyad/{a}/{b}/export.{format}`` writes the pair's facts (``csv``, ``parquet``: the facts
table; ``jsonl``, ``ttl``: facts, evidence and terms) and ``/dyad/{a}/{b}/panel.{format}`` its
dyad-year panel; ``/export/codebook.md`` documents the columns. Whole-base exports are not
served (they are unbounded): the command line writes those.
"""

from __future__ import annotations

import io
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Query
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from dyad.export import export, export_codebook, panel
from dyad.web.data import Country, pair_of
from dyad.web.responses import ERROR_RESPONSES
from dyad.web.stores import WebState

MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson",
    "ttl": "text/turtle; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
}


def _download(body: bytes, format: str, name: str) -> Response:
    return Response(
        body,
        media_type=MEDIA[format],
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {
            "text/csv": {},
            "application/x-ndjson": {},
            "text/turtle": {},
            "application/vnd.apache.parquet": {},
        }
    },
    **ERROR_RESPONSES,
}


def install(app: FastAPI) -> None:
    state: WebState = app.state.web

    @app.get("/dyad/{a}/{b}/export.{format}", tags=["exports"], responses=_RESPONSES)
    async def pair_export(
        a: Country, b: Country, format: Literal["csv", "jsonl", "ttl", "parquet"]
    ) -> Response:
        """One pair's facts (CSV, Parquet) or facts, evidence and terms (JSON Lines, Turtle),
        as ``dyad export`` writes them."""

        def write() -> tuple[bytes, str]:
            store = state.store()
            pair = pair_of(store, a, b)
            out: io.BytesIO | io.StringIO = io.BytesIO() if format == "parquet" else io.StringIO()
            export(store, format, out, dyad=pair)
            body = out.getvalue()
            data = body if isinstance(body, bytes) else body.encode()
            return data, f"{pair[0]}-{pair[1]}.{format}"

        body, name = await run_in_threadpool(write)
        return _download(body, format, name)

    @app.get("/dyad/{a}/{b}/panel.{format}", tags=["exports"], responses=_RESPONSES)
    async def pair_panel(
        a: Country,
        b: Country,
        format: Literal["csv", "parquet"],
        directed: Annotated[bool, Query(description="One row per direction.")] = False,
    ) -> Response:
        """One pair's dyad-year panel: status on 31 December, missions, ambassadors, counts of
        events by type, ISO and Correlates of War codes."""

        def write() -> tuple[bytes, str]:
            store = state.store()
            pair = pair_of(store, a, b)
            out: io.BytesIO | io.StringIO = io.BytesIO() if format == "parquet" else io.StringIO()
            panel(store, out, dyad=pair, directed=directed, format=format)
            body = out.getvalue()
            data = body if isinstance(body, bytes) else body.encode()
            return data, f"{pair[0]}-{pair[1]}.panel.{format}"

        body, name = await run_in_threadpool(write)
        return _download(body, format, name)

    @app.get(
        "/export/codebook.md",
        tags=["exports"],
        response_class=Response,
        responses={200: {"content": {"text/markdown": {}}}},
    )
    async def codebook() -> Response:
        """The columns of the exports and of the panel, documented."""
        return Response(export_codebook(), media_type="text/markdown; charset=utf-8")
