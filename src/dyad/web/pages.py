"""Serving a data function twice: ``/path.json`` returns its dict, ``/path`` renders it.

:func:`register` reads the data function's signature (its parameters are the page's path and
query parameters, with their bounds) and adds two GET routes whose signature FastAPI validates
and documents. Replies are cached per address while the database file is unchanged
(``stores.py``), so a page asked for again costs a dictionary look-up; pages with
``pagination`` get ``next``/``previous`` addresses, in the rendering they are served as.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from enum import Enum
from typing import Any
from urllib.parse import quote, urlencode

import anyio.to_thread
import orjson
from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response

from dyad.records import Record
from dyad.web.errors import Redirect
from dyad.web.responses import ERROR_RESPONSES
from dyad.web.stores import WebState

DataFunction = Callable[..., Record]
Extra = Callable[[Record], Record]
JSON = "application/json"
HTML = "text/html; charset=utf-8"


def declared_query(request: Request) -> list[tuple[str, str]]:
    """The query parameters the route declares, in the order sent; anything else is dropped.

    The reply depends on these alone, so they are what the cache keys on and what links
    carry on: a junk parameter neither makes a new cache entry nor travels to the next page.
    """
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    names = {field.alias for field in dependant.query_params} if dependant else set()
    return [(k, v) for k, v in request.query_params.multi_items() if k in names]


def _query(request: Request, **changes: int) -> str:
    items = [(k, v) for k, v in declared_query(request) if k not in changes]
    items += [(k, str(v)) for k, v in changes.items()]
    return urlencode(items)


def _links(request: Request, data: Record, suffix: str) -> None:
    pagination = data.get("pagination")
    if not isinstance(pagination, dict):
        return
    path = _html_path(raw_path(request)) + suffix
    limit, offset = pagination["limit"], pagination["offset"]
    pagination["next"] = (
        f"{path}?{_query(request, offset=offset + limit)}" if pagination["more"] else None
    )
    pagination["previous"] = (
        f"{path}?{_query(request, offset=max(0, offset - limit))}" if offset > 0 else None
    )


def raw_path(request: Request) -> str:
    """The path as the client sent it, still percent-encoded (``request.url.path`` is not)."""
    raw = request.scope.get("raw_path")
    return raw.decode("latin-1") if raw else quote(request.url.path)


def _html_path(path: str) -> str:
    return path[: -len(".json")] if path.endswith(".json") else path


async def reply(
    request: Request,
    fn: DataFunction,
    params: Record,
    template: str | None,
    extra: Extra | None,
) -> Response:
    """A cached reply at once, on the event loop; otherwise the page is computed in a worker
    thread (the store's queries block) and cached, keyed on the path and the declared
    parameters. A few threads compute at a time (``WebState.limiter``): more would only take
    turns holding the GIL, each page slower."""
    state: WebState = request.app.state.web
    query = urlencode(declared_query(request))
    # the decoded path from the scope: request.url would build the whole address (host, scheme)
    key = (request.scope["path"], query)
    # without a cache, no version: its two stat() calls would only slow every request (each
    # gives up the GIL in the event loop's thread, to wait for it behind the pages computing)
    version = state.version() if state.cache.size > 0 else None
    if version is not None:
        cached = state.cache.get(key, version)
        if cached is not None:
            return Response(cached[0], media_type=cached[1])
    try:
        body, media = await anyio.to_thread.run_sync(
            _render, request, state, fn, params, template, extra, limiter=state.limiter
        )
    except Redirect as redirect:
        target = redirect.location + ("" if template else ".json")
        return RedirectResponse(f"{target}?{query}" if query else target, status_code=302)
    if version is not None:
        state.cache.put(key, version, (body, media))
    return Response(body, media_type=media)


def _render(
    request: Request,
    state: WebState,
    fn: DataFunction,
    params: Record,
    template: str | None,
    extra: Extra | None,
) -> tuple[bytes, str]:
    data = fn(state.store(), **params)
    if template is None:
        _links(request, data, ".json")
        # orjson writes what json.dumps(ensure_ascii=False, separators=(",", ":")) writes,
        # byte for byte, in a twentieth of the time (0.27 -> 0.013 ms for a dyad page)
        return orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS), JSON
    _links(request, data, "")
    query = urlencode(declared_query(request))
    base = "/index" if request.scope["path"] == "/" else raw_path(request)
    json_url = f"{base}.json" + (f"?{query}" if query else "")
    context = {"data": data, "json_url": json_url, "path": raw_path(request), "query": query}
    if extra is not None:
        context.update(extra(data))
    return state.templates.get_template(template).render(context).encode(), HTML


def register(
    app: FastAPI,
    path: str,
    fn: DataFunction,
    template: str,
    *,
    extra: Extra | None = None,
    json_path: str | None = None,
    tags: list[str | Enum] | None = None,
) -> None:
    """Add ``GET path`` (HTML from ``template``) and ``GET path.json`` serving ``fn``."""
    signature = inspect.signature(fn, eval_str=True)
    params = [
        p.replace(kind=inspect.Parameter.KEYWORD_ONLY)
        for name, p in signature.parameters.items()
        if name != "store"
    ]
    request = inspect.Parameter("request", inspect.Parameter.KEYWORD_ONLY, annotation=Request)
    endpoint_signature = inspect.Signature([request, *params], return_annotation=Response)
    doc = inspect.getdoc(fn) or ""
    summary = doc.split("\n\n")[0].replace("\n", " ")

    async def as_json(request: Request, **kwargs: Any) -> Response:
        return await reply(request, fn, kwargs, None, None)

    async def as_html(request: Request, **kwargs: Any) -> Response:
        return await reply(request, fn, kwargs, template, extra)

    for endpoint in (as_json, as_html):
        endpoint.__signature__ = endpoint_signature  # type: ignore[attr-defined]
    name = fn.__name__
    app.add_api_route(
        json_path or f"{path}.json",
        as_json,
        methods=["GET"],
        name=f"{name}_json",
        summary=f"{summary} (JSON)",
        description=doc,
        response_class=Response,
        responses={200: {"content": {"application/json": {}}}, **ERROR_RESPONSES},
        tags=tags or ["pages"],
    )
    app.add_api_route(
        path,
        as_html,
        methods=["GET"],
        name=name,
        summary=summary,
        description=doc,
        response_class=Response,
        responses={200: {"content": {"text/html": {}}}},
        tags=tags or ["pages"],
        include_in_schema=False,
    )
