"""The FastAPI application: routes, security headers, errors, static files, API docs.

:func:`create_app` builds the application over one knowledge base file, opened read-only by
default; :func:`serve` runs it with uvicorn (what ``dyad serve`` calls). Everything the pages
need is served from the package (``static/``): no CDN, no fonts or map tiles from elsewhere.
Every reply carries a Content Security Policy that allows scripts and styles from this origin
only (no inline script), and refuses framing.
"""

from __future__ import annotations

import datetime
import functools
import logging
import os
import re
import socket
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, MutableMapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup
from starlette.exceptions import HTTPException

from dyad import __version__
from dyad.store import StoreError, UnknownCountryError, UnknownDocumentError
from dyad.web import data, exports, timeline
from dyad.web.errors import BadParameter, NotFound
from dyad.web.humane import humane_date
from dyad.web.network import Network, PairRow, network
from dyad.web.pages import register
from dyad.web.palette import FALLBACK_COLOUR, FAMILY_COLOURS
from dyad.web.reader import article
from dyad.web.shapes import state_href
from dyad.web.stores import COMPUTING, WebState

log = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent / "static"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
    " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none';"
    " form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class SecurityHeaders:
    """Adds :data:`SECURITY_HEADERS` to every HTTP reply (a plain ASGI middleware: cheap)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (n, v) for n, v in SECURITY_HEADERS if n not in names
                ]
            await send(message)

        await self.app(scope, receive, with_headers)


class HeadAsGet:
    """``HEAD`` answered wherever ``GET`` is: the same status and headers, no body.

    Routes are declared for GET only (the schema lists each once); static files already
    answered HEAD, the pages answered 405.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, without_body)


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("dyad.web", "templates"),
        autoescape=select_autoescape(("html", "svg"), default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["version"] = __version__
    env.globals["family_colour"] = lambda name: FAMILY_COLOURS.get(name, FALLBACK_COLOUR)
    env.filters["fmt"] = lambda value, spec: format(value, spec)
    env.filters["snippet"] = snippet_parts
    env.filters["humane"] = humane_date
    return env


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet (matches in ``[...]``, as the store marks them) as (text, matched)."""
    parts: list[tuple[str, bool]] = []
    for i, piece in enumerate(re.split(r"\[([^\[\]]*)\]", snippet)):
        if piece:
            parts.append((piece, i % 2 == 1))
    return parts


_DOWNLOAD = re.compile(r"/(?:export|panel)\.[^/]*$|^/export/")


def _wants_json(request: Request) -> bool:
    """JSON for the API's routes (``.json``, the schema, the downloads), else as accepted."""
    path = request.url.path
    if path.endswith(".json") or path.startswith("/openapi") or _DOWNLOAD.search(path):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def _error(
    request: Request,
    status: int,
    kind: str,
    message: str,
    suggestions: list[tuple[str, str]] | None = None,
    details: list[Any] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    suggestions = suggestions or []
    body: dict[str, Any] = {
        "error": kind,
        "status": status,
        "message": message,
        "suggestions": [{"label": label, "href": href} for label, href in suggestions],
    }
    if details is not None:
        body["detail"] = details
    if _wants_json(request):
        return JSONResponse(body, status_code=status, headers=headers)
    state: WebState = request.app.state.web
    html = state.templates.get_template("error.html").render(
        data={"title": f"{status}: {kind.replace('_', ' ')}", **body},
        json_url=None,
        path=request.url.path,
        query="",
    )
    return Response(
        html, status_code=status, media_type="text/html; charset=utf-8", headers=headers
    )


def _invalid_message(error: dict[str, Any], raw: Any) -> str:
    """One refused parameter in words: its name, the value, what it takes."""
    loc = error["loc"]
    name = str(loc[1]) if len(loc) > 1 else ".".join(map(str, loc))
    hint = data.PATTERN_HINTS.get(name)
    if error["type"] == "string_pattern_mismatch" and hint:
        return f"{name}: {raw.get('input')!r} is not {hint}"
    return f"{'.'.join(map(str, loc[1:]))}: {error['msg']}"


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return _error(request, 404, "not_found", exc.message, list(exc.suggestions))

    @app.exception_handler(UnknownCountryError)
    async def unknown_country(request: Request, exc: UnknownCountryError) -> Response:
        suggestions = [(f"{s.short_name} ({s.code})", state_href(s.code)) for s in exc.suggestions]
        return _error(request, 404, "unknown_state", str(exc), suggestions)

    @app.exception_handler(UnknownDocumentError)
    async def unknown_document(request: Request, exc: UnknownDocumentError) -> Response:
        return _error(request, 404, "not_found", str(exc), [("All articles", "/documents")])

    @app.exception_handler(BadParameter)
    async def bad_parameter(request: Request, exc: BadParameter) -> Response:
        detail = [{"loc": ["query", exc.param], "msg": exc.message, "type": "value_error"}]
        return _error(request, 422, "invalid_parameter", str(exc), details=detail)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()
        ]
        message = "; ".join(
            _invalid_message(e, raw) for e, raw in zip(errors, exc.errors(), strict=True)
        )
        return _error(request, 422, "invalid_parameter", message, details=errors)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if exc.status_code == 404:
            return _error(
                request,
                404,
                "not_found",
                f"there is no page at {request.url.path}",
                [("Home", "/"), ("API documentation", "/docs")],
            )
        # A 405 keeps its Allow header (RFC 9110): the methods the address does take.
        return _error(request, exc.status_code, "http_error", str(exc.detail), headers=exc.headers)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        log.error("store error on %s: %s", request.url.path, exc)
        return _error(request, 503, "store_unavailable", str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return _error(request, 500, "internal_error", "something went wrong on our side")


def _dyad_extra(d: dict[str, Any]) -> dict[str, Any]:
    today = datetime.date.today()
    now_year = today.year + (today.timetuple().tm_yday - 1) / 366
    layout = timeline.layout(
        d["marks"],
        d["terms"],
        d["status"],
        (d["a"]["code"], d["b"]["code"]),
        now_year=now_year,
    )
    return {"timeline": layout}


def _home_extra(d: dict[str, Any]) -> dict[str, Any]:
    pairs = tuple((n["a"], n["b"], n["a_name"], n["b_name"], n["facts"]) for n in d["network"])
    layout, svg = _network_drawn(pairs)
    return {"network": layout, "network_svg": svg}


@functools.lru_cache(maxsize=16)
def _network_drawn(pairs: tuple[PairRow, ...]) -> tuple[Network | None, Markup | None]:
    """The network laid out and drawn once per set of pairs: hundreds of escaped, formatted
    numbers (~3 ms) that stay the same until the pairs with the most facts change. Keyed on
    the pairs, not on the layout, whose hundreds of nodes and edges cost more to hash."""
    layout = network(pairs)
    if layout is None:
        return None, None
    return layout, Markup(_SVG_ENV.get_template("_network.html").render(network=layout))


_SVG_ENV = _environment()


def _doc_extra(d: dict[str, Any]) -> dict[str, Any]:
    return {"article": article(d)}


def _install_docs(app: FastAPI) -> None:
    def api_docs(request: Request) -> Response:
        state: WebState = request.app.state.web
        schema = app.openapi()
        html = state.templates.get_template("apidocs.html").render(
            data={"title": "API", "schema": schema},
            json_url="/openapi.json",
            path="/docs",
            query="",
        )
        return Response(html, media_type="text/html; charset=utf-8")

    app.add_api_route("/docs", api_docs, methods=["GET"], include_in_schema=False)


def create_app(
    db_path: str | Path, readonly: bool = True, *, cache_size: int = 512, threads: int = COMPUTING
) -> FastAPI:
    """The web application over the knowledge base at ``db_path``.

    The file must exist and be at this Dyad's schema version (a read-only store refuses to
    migrate it: open it once with ``Store(path)`` to bring it up to date). ``cache_size``
    rendered replies are kept (0: none); ``threads`` pages are computed at once, each in a
    worker thread with its own read-only store.
    """
    path = Path(db_path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no knowledge base there (build one with dyad ingest)")
    from dyad.store import Store

    Store(path, readonly=readonly).close()  # fail now, with the store's message, not per page
    state = WebState(
        path, _environment(), readonly=readonly, cache_size=cache_size, computing=threads
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        state.close()

    app = FastAPI(
        lifespan=lifespan,
        title="Dyad",
        version=__version__,
        description=(
            "The relations between pairs of states, from the articles that describe them. "
            "Every page of the site is also JSON at the same address followed by .json."
        ),
        docs_url=None,
        redoc_url=None,
        # no OpenTelemetry: else FastAPI asks the global providers on every request
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    app.state.web = state
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HeadAsGet)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _install_errors(app)
    _install_docs(app)
    register(app, "/", data.home, "home.html", json_path="/index.json", extra=_home_extra)
    register(app, "/dyads", data.dyads, "dyads.html")
    register(app, "/documents", data.documents, "documents.html")
    register(app, "/conflicts", data.conflicts, "conflicts.html")
    register(app, "/search", data.search, "search.html")
    register(app, "/state/{code}", data.state, "state.html")
    exports.install(app)  # before the dyad page: /dyad/{a}/{b}/export.csv is not a pair
    register(app, "/dyad/{a}/{b}", data.dyad, "dyad.html", extra=_dyad_extra)
    register(app, "/doc/{id}", data.doc, "doc.html", extra=_doc_extra)
    register(app, "/entity/{name:path}", data.entity, "entity.html")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response((STATIC / "favicon.svg").read_bytes(), media_type="image/svg+xml")

    return app


def app_from_environment() -> FastAPI:
    """The application for ``DYAD_WEB_DB`` (uvicorn's workers, where :func:`serve` cannot
    give each process its own socket)."""
    return create_app(
        os.environ["DYAD_WEB_DB"],
        readonly=os.environ.get("DYAD_WEB_READONLY", "1") != "0",
        cache_size=int(os.environ.get("DYAD_WEB_CACHE", "512")),
        threads=int(os.environ.get("DYAD_WEB_THREADS", str(COMPUTING))),
    )


class AddressInUseError(OSError):
    """The address and port to serve on are taken (or not this machine's)."""


def _check_free(host: str, port: int) -> None:
    """Raise ``OSError`` naming the address when nothing can listen on it."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise AddressInUseError(f"cannot listen on {host}:{port}: {exc.strerror}") from exc


def serve(
    db_path: str | Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    readonly: bool = True,
    workers: int = 1,
    cache_size: int = 512,
    threads: int = COMPUTING,
    log_level: str = "warning",
    announce: Callable[[str], None] | None = None,
) -> None:
    """Serve the knowledge base at ``db_path`` on ``http://host:port/`` until interrupted.

    ``workers`` > 1 runs that many processes, each with its own listening socket on the
    address (``processes.py``: the kernel spreads the connections over them), its own stores
    and reply cache; each computes ``threads`` pages at once.
    Raises ``FileNotFoundError`` or a :class:`~dyad.store.StoreError` before listening when
    the file is missing or cannot be read; then calls ``announce`` with the address (the
    command line prints it).
    """
    import uvicorn

    # fails early, clearly
    app = create_app(db_path, readonly=readonly, cache_size=cache_size, threads=threads)
    _check_free(host, port)  # "address already in use" before saying it is served
    if announce is not None:
        shown = f"[{host}]" if ":" in host else host
        announce(f"http://{shown}:{port}/")
    if workers <= 1:
        uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=False)
        return
    if hasattr(socket, "SO_REUSEPORT"):
        from dyad.web.processes import serve_processes

        serve_processes(
            db_path,
            host,
            port,
            workers=workers,
            readonly=readonly,
            cache_size=cache_size,
            threads=threads,
            log_level=log_level,
        )
        return
    # no SO_REUSEPORT (Windows): uvicorn's workers, sharing one socket
    os.environ["DYAD_WEB_DB"] = str(Path(db_path).resolve())
    os.environ["DYAD_WEB_READONLY"] = "1" if readonly else "0"
    os.environ["DYAD_WEB_CACHE"] = str(cache_size)
    os.environ["DYAD_WEB_THREADS"] = str(threads)
    uvicorn.run(
        "dyad.web.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        access_log=False,
    )
