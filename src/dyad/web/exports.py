"""The exports of ``dyad.export`` as downloads, with the command line's filters as query
parameters (``type`` repeatable, ``from``, ``to`` years, ``state`` repeatable).

``/dyad/{a}/{b}/export.{format}`` writes the pair's facts (``csv``, ``parquet``: the facts
table; ``jsonl``, ``ttl``: facts, evidence and terms) and ``/dyad/{a}/{b}/panel.{format}`` its
dyad-year panel; ``/export.{format}`` and ``/panel.{format}`` the same for the whole knowledge
base (what ``dyad export``/``dyad panel`` write to one file); ``/export/codebook.md`` documents
the columns. A download is written in a worker thread into memory: the knowledge bases served
here are built from articles (tens of MB), not the synthetic millions of the benchmarks.
"""

from __future__ import annotations

import io
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Query
from fastapi.responses import Response
from pydantic import StringConstraints
from starlette.concurrency import run_in_threadpool

from dyad.export import export, export_codebook, panel
from dyad.export.filters import Filters, event_types
from dyad.store import Store
from dyad.web.data import TYPE_PATTERN, Country, pair_of
from dyad.web.errors import BadParameter
from dyad.web.responses import ERROR_RESPONSES
from dyad.web.stores import WebState

MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson",
    "ttl": "text/turtle; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
}
Types = Annotated[
    list[Annotated[str, StringConstraints(pattern=TYPE_PATTERN)]] | None,
    Query(alias="type", description="Event type or family (repeatable)."),
]
# Years a download may ask for: a panel row is written for every year of the range, so an
# unbounded one (to=999999999) would be a way to make the server write forever.
From = Annotated[
    int | None, Query(alias="from", ge=1, le=2100, description="Facts from this year.")
]
To = Annotated[int | None, Query(ge=1, le=2100, description="Facts up to this year.")]
States = Annotated[list[str] | None, Query(alias="state", description="Pairs with this state.")]


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


def filters_of(
    store: Store,
    types: list[str] | None,
    first: int | None,
    last: int | None,
    states: list[str] | None,
) -> Filters:
    """The query's filters. Types are checked by their declared pattern; an unknown state is a
    404 naming close states (as on every page); ``from`` after ``to`` keeps nothing."""
    codes = frozenset(store.resolve(s) for s in states) if states else None
    try:
        chosen = event_types(tuple(t for t in types or () if t))
    except ValueError as exc:  # the pattern admits only known types: kept as a safeguard
        raise BadParameter("type", str(exc)) from None
    return Filters(types=chosen, first=first, last=last, states=codes)


def _buffer(format: str) -> io.BytesIO | io.StringIO:
    return io.BytesIO() if format == "parquet" else io.StringIO()


def _bytes(out: io.BytesIO | io.StringIO) -> bytes:
    body = out.getvalue()
    return body if isinstance(body, bytes) else body.encode()


def install(app: FastAPI) -> None:
    state: WebState = app.state.web
    _install_pair(app, state)
    _install_whole(app, state)
    _install_codebook(app)


def _install_pair(app: FastAPI, state: WebState) -> None:
    """One pair's export and panel downloads."""

    @app.get("/dyad/{a}/{b}/export.{format}", tags=["exports"], responses=_RESPONSES)
    async def pair_export(
        a: Country,
        b: Country,
        format: Literal["csv", "jsonl", "ttl", "parquet"],
        types: Types = None,
        from_: From = None,
        to: To = None,
    ) -> Response:
        """One pair's facts (CSV, Parquet) or facts, evidence and terms (JSON Lines, Turtle),
        as ``dyad export`` writes them."""

        def write() -> tuple[bytes, str]:
            store = state.store()
            pair = pair_of(store, a, b)
            chosen = filters_of(store, types, from_, to, None)
            out = _buffer(format)
            export(store, format, out, dyad=pair, filters=chosen)
            return _bytes(out), f"{pair[0]}-{pair[1]}.{format}"

        body, name = await run_in_threadpool(write)
        return _download(body, format, name)

    @app.get("/dyad/{a}/{b}/panel.{format}", tags=["exports"], responses=_RESPONSES)
    async def pair_panel(
        a: Country,
        b: Country,
        format: Literal["csv", "parquet"],
        directed: Annotated[bool, Query(description="One row per direction.")] = False,
        types: Types = None,
    ) -> Response:
        """One pair's dyad-year panel: status on 31 December, missions, ambassadors, counts of
        events by type, ISO and Correlates of War codes."""

        def write() -> tuple[bytes, str]:
            store = state.store()
            pair = pair_of(store, a, b)
            chosen = filters_of(store, types, None, None, None)
            out = _buffer(format)
            panel(store, out, dyad=pair, directed=directed, format=format, filters=chosen)
            return _bytes(out), f"{pair[0]}-{pair[1]}.panel.{format}"

        body, name = await run_in_threadpool(write)
        return _download(body, format, name)


def _install_whole(app: FastAPI, state: WebState) -> None:
    """The whole knowledge base's export and panel downloads."""

    @app.get("/export.{format}", tags=["exports"], responses=_RESPONSES)
    async def whole_export(
        format: Literal["csv", "jsonl", "ttl", "parquet"],
        types: Types = None,
        from_: From = None,
        to: To = None,
        states: States = None,
    ) -> Response:
        """The whole knowledge base's facts (CSV, Parquet) or facts, evidence and terms (JSON
        Lines, Turtle), filtered as ``dyad export --type --from --to --state``."""

        def write() -> bytes:
            store = state.store()
            chosen = filters_of(store, types, from_, to, states)
            out = _buffer(format)
            export(store, format, out, filters=chosen)
            return _bytes(out)

        return _download(await run_in_threadpool(write), format, f"dyad.{format}")

    @app.get("/panel.{format}", tags=["exports"], responses=_RESPONSES)
    async def whole_panel(
        format: Literal["csv", "parquet"],
        directed: Annotated[bool, Query(description="One row per direction.")] = False,
        from_: From = None,
        to: To = None,
        types: Types = None,
        states: States = None,
    ) -> Response:
        """The whole knowledge base's dyad-year panel, as ``dyad panel``."""

        def write() -> bytes:
            store = state.store()
            chosen = filters_of(store, types, None, None, states)
            years = (from_, to) if from_ is not None or to is not None else None
            out = _buffer(format)
            try:
                panel(store, out, directed=directed, years=years, format=format, filters=chosen)
            except ValueError as exc:
                raise BadParameter("from", str(exc)) from None
            return _bytes(out)

        return _download(await run_in_threadpool(write), format, f"panel.{format}")


def _install_codebook(app: FastAPI) -> None:
    """The exports' codebook."""

    @app.get(
        "/export/codebook.md",
        tags=["exports"],
        response_class=Response,
        responses={200: {"content": {"text/markdown": {}}}},
    )
    async def codebook() -> Response:
        """The columns of the exports and of the panel, documented."""
        return Response(export_codebook(), media_type="text/markdown; charset=utf-8")
