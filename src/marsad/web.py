"""web: marsad's read-only JSON API (FastAPI), served by ``marsad serve``.

Endpoints (OpenAPI docs at ``/docs``)
    ``GET /``                     the web page (map, timeline, table, evidence, control;
                                  ``static/index.html``), served with a strict
                                  Content-Security-Policy (``script-src 'self'``).
    ``GET /static/...``           the page's scripts, styles, vendored Leaflet and outlines.
    ``GET /api``                  a small JSON index of the endpoints.
    ``GET /api/health``           status and table counts.
    ``GET /api/events``           filtered, sorted, paginated events:
                                  ``{total, page, page_size, items}``.
    ``GET /api/events/{id}``      one event, its evidence, and the sentences behind the
                                  evidence with their article's title, source, url, date.
    ``GET /api/stats``            event counts (and fatalities) per ISO week and event type.
    ``GET /api/points``           map markers: events grouped per place and event type (same
                                  filters), with a count and the newest event's id.
    ``GET /api/control``          territorial control (``place`` and/or ``on``); 501 when
                                  ``marsad.control`` is not available.

Design
    * Read-only: every request opens the DuckDB file with ``read_only=True`` and closes it
      when done, so nothing the API does can write to the store, and ``marsad ingest`` can
      run between requests (a request made while an ingest holds the file gets a 503).
      :func:`serve` re-merges stale events once before serving; :func:`create_app` never
      writes.
    * Filtering, sorting, paging and aggregation all happen in DuckDB (``LIMIT``/``OFFSET``,
      ``GROUP BY``), with parameterised SQL: user values are never put into SQL text; the
      sort column comes from a fixed whitelist.
    * Bad parameters give 422 with FastAPI's usual ``{"detail": [{"loc", "msg", ...}]}``
      body, including the checks FastAPI cannot express (``since`` after ``until``, a
      ``bbox`` that is not four numbers in range).
    * Responses are ``application/json`` with ``<``, ``>`` and ``&`` written as ``\\u003c``,
      ``\\u003e``, ``\\u0026`` (still the same JSON strings once parsed) and
      ``X-Content-Type-Options: nosniff``: article text containing markup comes back as
      data and cannot be sniffed or rendered as HTML.
"""

from __future__ import annotations

import importlib
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

import duckdb
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad import __version__
from marsad.records import EVENT_COLUMNS

MAX_PAGE_SIZE = 500
SORTS: dict[str, str] = {
    "event_date": "event_date ASC NULLS LAST",
    "-event_date": "event_date DESC NULLS LAST",
    "fatalities": "fatalities ASC NULLS LAST",
    "-fatalities": "fatalities DESC NULLS LAST",
}
SortKey = Literal["event_date", "-event_date", "fatalities", "-fatalities"]
_EVENT_SELECT = ", ".join(EVENT_COLUMNS) + ", article_ids"
MAX_POINTS = 5000
STATIC_DIR = Path(__file__).resolve().parent / "static"
# The page runs only its own scripts: no inline script, no eval, no other origin.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)


class SafeJSONResponse(JSONResponse):
    """JSON with ``<``, ``>`` and ``&`` escaped, so no string can close a script tag or be
    sniffed as HTML by a browser; the parsed values are unchanged."""

    def render(self, content: Any) -> bytes:
        text = json.dumps(content, ensure_ascii=False, allow_nan=False, default=_default)
        text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
        return text.encode("utf-8")

    def init_headers(self, headers: Any = None) -> None:
        super().init_headers(headers)
        self.raw_headers.append((b"x-content-type-options", b"nosniff"))


def _default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def _invalid(param: str, message: str, value: Any) -> RequestValidationError:
    """A 422 in FastAPI's own error format, for checks FastAPI cannot express."""
    return RequestValidationError(
        [{"type": "value_error", "loc": ("query", param), "msg": message, "input": value}]
    )


# ------------------------------------------------------------------ filters


@dataclass(frozen=True, slots=True)
class EventFilters:
    country: str | None = None
    since: date | None = None
    until: date | None = None
    actor: str | None = None
    type: str | None = None
    q: str | None = None
    bbox: tuple[float, float, float, float] | None = None

    def where(self) -> tuple[str, list[Any]]:
        """A parameterised WHERE clause ("" when nothing is filtered) and its values.
        Dates match as ``Store.events`` matches them: an event whose date window overlaps
        [since, until]."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.country:
            clauses.append("(lower(country_code) = lower(?) OR lower(country) = lower(?))")
            params += [self.country, self.country]
        if self.since:
            clauses.append("date_latest >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("date_earliest <= ?")
            params.append(self.until)
        if self.actor:
            clauses.append(
                "(contains(lower(coalesce(actor1, '')), lower(?))"
                " OR contains(lower(coalesce(actor2, '')), lower(?))"
                " OR contains(lower(coalesce(assoc_actor_1, '')), lower(?))"
                " OR contains(lower(coalesce(assoc_actor_2, '')), lower(?)))"
            )
            params += [self.actor] * 4
        if self.type:
            clauses.append("(lower(event_type) = lower(?) OR lower(sub_event_type) = lower(?))")
            params += [self.type, self.type]
        if self.q:
            clauses.append("contains(lower(coalesce(notes, '')), lower(?))")
            params.append(self.q)
        if self.bbox:
            clauses.append("longitude BETWEEN ? AND ? AND latitude BETWEEN ? AND ?")
            min_lon, min_lat, max_lon, max_lat = self.bbox
            params += [min_lon, max_lon, min_lat, max_lat]
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    """``minlon,minlat,maxlon,maxlat`` -> four floats; ValueError with a clear message."""
    parts = [p.strip() for p in value.split(",")]
    if len(parts) != 4:
        raise ValueError(
            f"bbox needs 4 comma-separated numbers (minlon,minlat,maxlon,maxlat), got {len(parts)}"
        )
    try:
        min_lon, min_lat, max_lon, max_lat = (float(p) for p in parts)
    except ValueError:
        raise ValueError("bbox values must be numbers: minlon,minlat,maxlon,maxlat") from None
    if not all(-180 <= x <= 180 for x in (min_lon, max_lon)):
        raise ValueError("bbox longitudes must lie in [-180, 180]")
    if not all(-90 <= y <= 90 for y in (min_lat, max_lat)):
        raise ValueError("bbox latitudes must lie in [-90, 90]")
    if min_lon > max_lon or min_lat > max_lat:
        raise ValueError("bbox minimum must not exceed maximum (minlon<=maxlon, minlat<=maxlat)")
    return min_lon, min_lat, max_lon, max_lat


def event_filters(
    country: Annotated[
        str | None,
        Query(max_length=100, description="ISO alpha-2 code or country name, e.g. SY or Syria"),
    ] = None,
    since: Annotated[
        date | None, Query(description="YYYY-MM-DD: events whose date window ends on/after it")
    ] = None,
    until: Annotated[
        date | None, Query(description="YYYY-MM-DD: events whose date window starts on/before it")
    ] = None,
    actor: Annotated[
        str | None, Query(max_length=200, description="substring of actor1/actor2/associates")
    ] = None,
    type: Annotated[
        str | None, Query(max_length=100, description="event type or sub-event type (exact)")
    ] = None,
    q: Annotated[str | None, Query(max_length=200, description="substring of the notes")] = None,
    bbox: Annotated[
        str | None,
        Query(
            max_length=200,
            description="minlon,minlat,maxlon,maxlat (WGS84 degrees)",
            examples=["35.5,32.0,42.5,37.5"],
        ),
    ] = None,
) -> EventFilters:
    if since and until and since > until:
        raise _invalid("since", f"since ({since}) is after until ({until})", str(since))
    box = None
    if bbox is not None:
        try:
            box = parse_bbox(bbox)
        except ValueError as exc:
            raise _invalid("bbox", str(exc), bbox) from None
    return EventFilters(country, since, until, actor, type, q, box)


Filters = Annotated[EventFilters, Depends(event_filters)]


# ------------------------------------------------------------------ rows -> JSON


def _event_row(row: tuple[Any, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in zip(EVENT_COLUMNS, row[: len(EVENT_COLUMNS)], strict=True):
        out[name] = value.isoformat() if isinstance(value, date) else value
    out["article_ids"] = list(row[len(EVENT_COLUMNS)] or [])
    return out


def _records(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description or []]
    return [
        {n: (v.isoformat() if isinstance(v, date) else v) for n, v in zip(names, r, strict=True)}
        for r in cur.fetchall()
    ]


def _connection(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only DuckDB connection for one request, closed when it is done."""
    path: Path = request.app.state.db_path
    if not path.exists():
        raise HTTPException(503, f"{path.name}: no such store (run `marsad ingest` first)")
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise HTTPException(503, f"the store cannot be opened now: {exc}") from None
    try:
        yield con
    finally:
        con.close()


Con = Annotated[duckdb.DuckDBPyConnection, Depends(_connection)]


# ------------------------------------------------------------------ the app


def create_app(db_path: str | Path) -> FastAPI:
    """The read-only API over the store at ``db_path`` (opened read-only per request)."""
    path = Path(db_path)
    # Swagger UI and ReDoc served from the package, not a CDN: /docs works offline.
    app = FastAPIOffline(
        title="marsad",
        version=__version__,
        description=(
            "Read-only API over a marsad store: events extracted from conflict news, each "
            "field traceable to the words behind it."
        ),
        default_response_class=SafeJSONResponse,
    )
    app.state.db_path = path

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> SafeJSONResponse:
        errors = []
        for e in exc.errors():
            item = {k: e[k] for k in ("type", "loc", "msg") if k in e}
            if "input" in e and isinstance(e["input"], str | int | float | None):
                item["input"] = e["input"]
            errors.append(item)
        return SafeJSONResponse({"detail": errors}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> SafeJSONResponse:
        return SafeJSONResponse(
            {"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers
        )

    if STATIC_DIR.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False, response_class=HTMLResponse)
    def page() -> HTMLResponse:
        index_html = STATIC_DIR / "index.html"
        if not index_html.is_file():
            raise HTTPException(404, "the web page is not installed (marsad/static missing)")
        return HTMLResponse(
            index_html.read_text(encoding="utf-8"),
            headers={
                "content-security-policy": CSP,
                "x-content-type-options": "nosniff",
                "referrer-policy": "no-referrer",
                "cache-control": "no-cache",
            },
        )

    @app.get("/api", summary="Index of the endpoints")
    def index() -> dict[str, Any]:
        return {
            "name": "marsad",
            "version": __version__,
            "docs": "/docs",
            "page": "/",
            "endpoints": {
                "/api/health": "status and counts",
                "/api/events": "events: country, since, until, actor, type, q, bbox, sort, "
                "page, page_size",
                "/api/events/{event_id}": "one event with its evidence and source sentences",
                "/api/stats": "counts per ISO week and event type (same filters)",
                "/api/points": "map markers: events per place and type (same filters), limit",
                "/api/control": "territorial control: place, on",
            },
        }

    @app.get("/api/health", summary="Status and table counts")
    def health(con: Con) -> dict[str, Any]:
        counts = {}
        for table in ("articles", "events", "event_evidence"):
            row = con.execute(f"SELECT count(*) FROM {table}").fetchone()  # fixed names only
            counts[table] = int(row[0]) if row else 0
        dirty = con.execute("SELECT value FROM meta WHERE key = 'dirty'").fetchone()
        return {
            "status": "ok",
            "version": __version__,
            "counts": counts,
            "events_stale": bool(dirty and dirty[0] == "1"),
        }

    @app.get("/api/events", summary="Events, filtered, sorted and paginated")
    def list_events(
        con: Con,
        filters: Filters,
        sort: Annotated[SortKey, Query(description="sort key; '-' for descending")] = (
            "event_date"
        ),
        page: Annotated[int, Query(ge=1, le=1_000_000, description="1-based page")] = 1,
        page_size: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 50,
    ) -> dict[str, Any]:
        where, params = filters.where()
        row = con.execute(f"SELECT count(*) FROM events{where}", params).fetchone()
        total = int(row[0]) if row else 0
        rows = con.execute(
            f"SELECT {_EVENT_SELECT} FROM events{where} "
            f"ORDER BY {SORTS[sort]}, event_id LIMIT ? OFFSET ?",
            [*params, page_size, (page - 1) * page_size],
        ).fetchall()
        return {
            "total": total,
            "page": page,
            "page_size": page_size,
            "pages": (total + page_size - 1) // page_size,
            "items": [_event_row(r) for r in rows],
        }

    @app.get(
        "/api/events/{event_id}",
        summary="One event with its evidence and the sentences behind it",
        responses={404: {"description": "no such event"}},
    )
    def get_event(event_id: str, con: Con) -> dict[str, Any]:
        row = con.execute(
            f"SELECT {_EVENT_SELECT} FROM events WHERE event_id = ?", [event_id]
        ).fetchone()
        if row is None:
            raise HTTPException(404, f"no event with id {event_id!r}")
        event = _event_row(row)
        cur = con.execute(
            'SELECT article_id, sentence_index, start_char AS start, end_char AS "end", text, '
            "field, method, confidence FROM event_evidence WHERE event_id = ? "
            "ORDER BY article_id, sentence_index, start_char",
            [event_id],
        )
        event["evidence"] = _records(cur)
        cur = con.execute(
            "SELECT s.article_id, s.idx AS sentence_index, s.start_char AS start, "
            's.end_char AS "end", s.text, a.title, a.source, a.url, a.published '
            "FROM sentences s JOIN articles a ON a.id = s.article_id "
            "WHERE EXISTS (SELECT 1 FROM event_evidence ev WHERE ev.event_id = ? "
            "  AND ev.article_id = s.article_id AND (ev.sentence_index = s.idx "
            "  OR (ev.start_char >= s.start_char AND ev.end_char <= s.end_char))) "
            "ORDER BY a.published, s.article_id, s.idx",
            [event_id],
        )
        event["sentences"] = _records(cur)
        return event

    @app.get("/api/stats", summary="Event counts per ISO week and event type")
    def stats(con: Con, filters: Filters) -> dict[str, Any]:
        where, params = filters.where()
        cur = con.execute(
            "SELECT strftime(event_date, '%G-W%V') AS week, "
            "CAST(date_trunc('week', event_date) AS DATE) AS week_start, event_type, "
            "count(*) AS events, CAST(coalesce(sum(fatalities), 0) AS BIGINT) AS fatalities "
            f"FROM events{where} GROUP BY ALL ORDER BY week_start, event_type",
            params,
        )
        weeks = _records(cur)
        cur = con.execute(
            "SELECT event_type, count(*) AS events, "
            "CAST(coalesce(sum(fatalities), 0) AS BIGINT) AS fatalities "
            f"FROM events{where} GROUP BY event_type ORDER BY events DESC, event_type",
            params,
        )
        by_type = _records(cur)
        return {
            "total": sum(t["events"] for t in by_type),
            "by_type": by_type,
            "weeks": weeks,
        }

    @app.get("/api/points", summary="Map markers: events grouped per place and event type")
    def points(
        con: Con,
        filters: Filters,
        limit: Annotated[int, Query(ge=1, le=MAX_POINTS, description="most groups")] = 2000,
    ) -> dict[str, Any]:
        where, params = filters.where()
        located = "latitude IS NOT NULL AND longitude IS NOT NULL"
        where = f"{where} AND {located}" if where else f" WHERE {located}"
        cur = con.execute(
            "SELECT location, country_code, latitude, longitude, event_type, "
            "count(*) AS events, CAST(coalesce(sum(fatalities), 0) AS BIGINT) AS fatalities, "
            "min(event_date) AS first_date, max(event_date) AS last_date, "
            "arg_max(event_id, coalesce(event_date, DATE '0001-01-01')) AS event_id "
            f"FROM events{where} GROUP BY ALL ORDER BY events DESC, location, event_type "
            "LIMIT ?",
            [*params, limit + 1],
        )
        rows = _records(cur)
        return {"truncated": len(rows) > limit, "items": rows[:limit]}

    control_lock = threading.Lock()
    control_cache: dict[str, Any] = {}

    @app.get(
        "/api/control",
        summary="Who held a place when (territorial control)",
        responses={
            404: {"description": "no timeline for the place"},
            501: {"description": "control inference is not available"},
        },
    )
    def control(
        place: Annotated[
            str | None, Query(max_length=200, description="a place name, e.g. Palmyra")
        ] = None,
        on: Annotated[date | None, Query(description="YYYY-MM-DD: the holder that day")] = None,
    ) -> dict[str, Any]:
        try:
            ctl: Any = importlib.import_module("marsad.control")  # optional, imported lazily
        except ImportError:
            ctl = None
        needed = ("build_timelines", "holdings_from_store", "holder_on", "resolve_place")
        if ctl is None or not all(hasattr(ctl, name) for name in needed):
            raise HTTPException(501, "territorial control is not available in this marsad")
        if not place and on is None:
            raise _invalid("place", "give place, on (a date), or both", place)
        timelines = _timelines(ctl)
        if place:
            key = ctl.resolve_place(timelines, place)
            if key is None:
                raise HTTPException(404, f"no control timeline for {place!r}")
            rows = ctl.holder_on(timelines, key, on) if on else list(timelines[key])
        else:
            assert on is not None
            rows = [iv for key in sorted(timelines) for iv in ctl.holder_on(timelines, key, on)]
        to_dict = ctl.interval_dict
        return {
            "place": place,
            "on": on.isoformat() if on else None,
            "intervals": [to_dict(iv) for iv in rows],
        }

    def _timelines(ctl: Any) -> Any:
        """Control timelines of the whole store, rebuilt when the file changes."""
        from marsad.store import Store, StoreError

        if not path.exists():
            raise HTTPException(503, f"{path.name}: no such store")
        st = path.stat()
        stamp = f"{st.st_mtime_ns}:{st.st_size}"
        with control_lock:
            if control_cache.get("stamp") != stamp:
                try:
                    with Store(path, read_only=True) as store:
                        events = store.events()
                        holdings = ctl.holdings_from_store(store)
                except StoreError as exc:
                    raise HTTPException(503, str(exc)) from None
                control_cache["timelines"] = ctl.build_timelines(events, holdings=holdings)
                control_cache["stamp"] = stamp
            return control_cache["timelines"]

    return app


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the API with uvicorn (localhost only by default). Stale events are re-merged
    once first, the only write; the API itself opens the store read-only."""
    import uvicorn

    from marsad.store import Store

    path = Path(db_path)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such store (run `marsad ingest` first)")
    with Store(path) as store:
        store.refresh_events()
    uvicorn.run(create_app(path), host=host, port=port, log_level="info")
