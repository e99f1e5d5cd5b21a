"""export: write events as an ACLED-compatible CSV, GeoJSON, Parquet or JSON Lines.

Formats (see ``docs/exports.md`` for the full column mapping)
    ``acled-csv``
        ACLED's 31 columns in ACLED's order (:data:`ACLED_COLUMNS`), one row per event, so
        tooling written for ACLED downloads reads the file unchanged. :func:`to_acled_row`
        does the mapping; marsad's extra fields (date window, fatality range, evidence) are
        not in this format.
    ``geojson``
        A ``FeatureCollection``; each event is a ``Feature`` with a ``Point`` geometry
        ``[longitude, latitude]`` (RFC 7946 order), ``id`` = ``event_id``, and every
        marsad field as a property, ``evidence`` (a list of objects) and ``article_ids``
        included. An event without coordinates gets ``"geometry": null``.
    ``parquet``
        marsad's own fields with proper types (dates as ``date32``, codes as ``int32``,
        ``evidence`` as a list of structs), written with pyarrow.
    ``jsonl``
        One :meth:`marsad.records.Event.to_dict` object per line (evidence included).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import IO, Any, BinaryIO

from marsad.records import EVENT_COLUMNS, Event

FORMATS: tuple[str, ...] = ("acled-csv", "geojson", "parquet", "jsonl")

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

DISORDER_TYPE: dict[str, str] = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}

CIVILIANS = 7  # ACLED inter code of civilians

_ID_HASH = re.compile(r"([0-9a-f]{8,})$")


class ExportError(ValueError):
    """An unknown format or an unusable output."""


# ------------------------------------------------------------------ reference tables


@lru_cache(maxsize=1)
def country_codes() -> dict[str, tuple[str, int]]:
    """ISO alpha-2 -> (ISO alpha-3, ISO 3166-1 numeric), from GeoNames' countryInfo.txt."""
    path = resources.files("marsad") / "data" / "geonames" / "countryInfo.txt"
    out: dict[str, tuple[str, int]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) > 2 and cols[2].strip().isdigit():
            out[cols[0]] = (cols[1], int(cols[2]))
    return out


@lru_cache(maxsize=1)
def acled_regions() -> dict[str, str]:
    """ISO alpha-2 -> ACLED region name, from ``data/acled_regions.csv``."""
    path = resources.files("marsad") / "data" / "acled_regions.csv"
    with path.open("r", encoding="utf-8", newline="") as fh:
        return {row["iso2"]: row["region"] for row in csv.DictReader(fh)}


# ------------------------------------------------------------------ ACLED mapping


def disorder_type(event_type: str | None) -> str:
    return DISORDER_TYPE.get(event_type or "", "")


def interaction(inter1: int | None, inter2: int | None) -> int:
    """ACLED's interaction code: the two inter codes, smaller first (1 and 2 -> 12, 8 and 2
    -> 28); one actor alone -> its code x 10 (10, 20, ...); no coded actor -> 0."""
    codes = sorted(c for c in (inter1, inter2) if c)
    if len(codes) == 2:
        return codes[0] * 10 + codes[1]
    if len(codes) == 1:
        return codes[0] * 10
    return 0


def event_number(event_id: str) -> int:
    """A stable number for ``event_id_cnty``: the hexadecimal hash at the end of marsad's id
    (``MRS-SY-5c2ca81cf388`` -> ``int('5c2ca81cf388', 16)``), else the first 12 hex digits
    of the id's SHA-1. The full hash is kept so that distinct events never share a number."""
    m = _ID_HASH.search(event_id.lower())
    digest = m.group(1) if m else hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:12]
    return int(digest, 16)


def _unix(value: datetime | date | int | float | None) -> int:
    if value is None:
        return int(time.time())
    if isinstance(value, int | float):
        return int(value)
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)  # the store keeps naive UTC timestamps
        return int(value.timestamp())
    return int(datetime(value.year, value.month, value.day, tzinfo=UTC).timestamp())


def to_acled_row(
    event: Event, *, timestamp: datetime | date | int | float | None = None
) -> dict[str, Any]:
    """One event as an ACLED row (keys = :data:`ACLED_COLUMNS`, in order).

    ``timestamp`` is the Unix time to write (ACLED: when the row was last changed); by
    default the time of the call, :func:`export_report` passes the articles' ingestion
    time. Unknown values are written as ACLED writes them: ``0`` for a missing inter code
    and for unknown fatalities, an empty string for missing text."""
    code = (event.country_code or "").upper()
    iso3, iso_num = country_codes().get(code, ("", None))
    inter1, inter2 = event.inter1 or 0, event.inter2 or 0
    day = event.event_date
    row: dict[str, Any] = {
        "event_id_cnty": f"{iso3 or 'XXX'}{event_number(event.event_id)}",
        "event_date": day.isoformat(),
        "year": day.year,
        "time_precision": event.time_precision,
        "disorder_type": disorder_type(event.event_type),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1 or "",
        "assoc_actor_1": event.assoc_actor_1 or "",
        "inter1": inter1,
        "actor2": event.actor2 or "",
        "assoc_actor_2": event.assoc_actor_2 or "",
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if inter2 == CIVILIANS else "",
        "iso": iso_num if iso_num is not None else "",
        "region": acled_regions().get(code, ""),
        "country": event.country or "",
        "admin1": event.admin1 or "",
        "admin2": event.admin2 or "",
        "admin3": "",
        "location": event.location or "",
        "latitude": round(event.latitude, 4) if event.latitude is not None else "",
        "longitude": round(event.longitude, 4) if event.longitude is not None else "",
        "geo_precision": event.geo_precision if event.geo_precision is not None else "",
        "source": event.source or "",
        "source_scale": "",
        "notes": event.notes or "",
        "fatalities": event.fatalities or 0,
        "tags": "",
        "timestamp": _unix(timestamp),
    }
    return row


# ------------------------------------------------------------------ writers


@contextmanager
def _text_out(out: Path | str | BinaryIO) -> Iterator[IO[str]]:
    """A UTF-8 text stream on ``out`` (a path, or a binary stream left open)."""
    if isinstance(out, str | Path):
        with open(out, "w", encoding="utf-8", newline="") as fh:
            yield fh
        return
    wrapper = io.TextIOWrapper(out, encoding="utf-8", newline="")
    try:
        yield wrapper
        wrapper.flush()
    finally:
        wrapper.detach()  # leave the caller's stream open


def _write_acled(
    events: Sequence[Event], fh: IO[str], timestamps: Mapping[str, Any] | None
) -> None:
    writer = csv.DictWriter(fh, fieldnames=list(ACLED_COLUMNS), lineterminator="\n")
    writer.writeheader()
    now = int(time.time())
    for e in events:
        ts = (timestamps or {}).get(e.event_id, now)
        writer.writerow(to_acled_row(e, timestamp=ts))


def _record(event: Event) -> dict[str, Any]:
    row = event.to_dict(with_evidence=True)
    row["article_ids"] = list(event.article_ids)
    return row


def _write_geojson(events: Sequence[Event], fh: IO[str]) -> None:
    features = []
    for e in events:
        geometry = None
        if e.latitude is not None and e.longitude is not None:
            geometry = {"type": "Point", "coordinates": [e.longitude, e.latitude]}
        features.append(
            {"type": "Feature", "id": e.event_id, "geometry": geometry, "properties": _record(e)}
        )
    json.dump({"type": "FeatureCollection", "features": features}, fh, ensure_ascii=False)
    fh.write("\n")


def _write_jsonl(events: Sequence[Event], fh: IO[str]) -> None:
    for e in events:
        fh.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")


def parquet_schema() -> Any:
    import pyarrow as pa

    int_cols = {
        "time_precision",
        "inter1",
        "inter2",
        "geo_precision",
        "fatalities",
        "fatalities_low",
        "fatalities_high",
        "n_sources",
    }
    fields = []
    for name in EVENT_COLUMNS:
        if name in {"event_date", "date_earliest", "date_latest"}:
            typ = pa.date32()
        elif name in int_cols:
            typ = pa.int32()
        elif name in {"latitude", "longitude"}:
            typ = pa.float64()
        else:
            typ = pa.string()
        fields.append(pa.field(name, typ, nullable=name != "event_id"))
    evidence = pa.struct(
        [
            ("article_id", pa.string()),
            ("sentence_index", pa.int32()),
            ("start", pa.int32()),
            ("end", pa.int32()),
            ("text", pa.string()),
            ("field", pa.string()),
            ("method", pa.string()),
            ("confidence", pa.float64()),
        ]
    )
    fields.append(pa.field("article_ids", pa.list_(pa.string())))
    fields.append(pa.field("evidence", pa.list_(evidence)))
    return pa.schema(fields)


def _write_parquet(events: Sequence[Event], out: Path | str | BinaryIO) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    columns: dict[str, list[Any]] = {name: [] for name in schema.names}
    for e in events:
        for name in EVENT_COLUMNS:
            columns[name].append(getattr(e, name))
        columns["article_ids"].append(list(e.article_ids))
        columns["evidence"].append([ev.to_dict() for ev in e.evidence])
    table = pa.Table.from_pydict(columns, schema=schema)
    pq.write_table(table, out if not isinstance(out, Path) else str(out))


def export_events(
    events: Sequence[Event],
    fmt: str,
    out: Path | str | BinaryIO,
    *,
    timestamps: Mapping[str, Any] | None = None,
) -> int:
    """Write ``events`` to ``out`` (a path, or a binary stream that is left open) in
    ``fmt`` (one of :data:`FORMATS`); returns the number of events written.
    ``timestamps`` (event_id -> datetime or Unix time) feeds ACLED's ``timestamp``."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    events = list(events)
    if fmt == "parquet":
        _write_parquet(events, out)
        return len(events)
    with _text_out(out) as fh:
        if fmt == "acled-csv":
            _write_acled(events, fh, timestamps)
        elif fmt == "geojson":
            _write_geojson(events, fh)
        else:
            _write_jsonl(events, fh)
    return len(events)


def ingestion_times(store: Any, event_ids: Sequence[str]) -> dict[str, datetime]:
    """event_id -> the latest ``ingested_at`` of the articles behind it."""
    if not event_ids:
        return {}
    rows = store.con.execute(
        "SELECT e.event_id, max(a.ingested_at) FROM events e, unnest(e.article_ids) AS u(aid) "
        "JOIN articles a ON a.id = u.aid WHERE e.event_id IN (SELECT unnest(?)) "
        "GROUP BY e.event_id",
        [list(event_ids)],
    ).fetchall()
    return {eid: ts for eid, ts in rows if ts is not None}


def export_report(
    db_path: str | Path,
    fmt: str,
    out: Path | str | BinaryIO,
    country: str | None = None,
    since: date | None = None,
    until: date | None = None,
    actor: str | None = None,
    type: str | None = None,
) -> int:
    """``marsad export``: the store's events (filtered as ``Store.events`` filters them)
    written to ``out`` in ``fmt``; returns the number of events written. The events are
    re-merged first if ingestion left them stale. Raises :class:`ExportError` for an
    unknown format or a missing store."""
    from marsad.store import Store

    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    if not Path(db_path).exists():
        raise ExportError(f"{db_path}: no such store (run `marsad ingest` first)")
    with Store(db_path) as store:
        store.refresh_events()
        events = store.events(
            country=country, since=since, until=until, actor=actor, event_type=type
        )
        timestamps = (
            ingestion_times(store, [e.event_id for e in events]) if fmt == "acled-csv" else None
        )
    return export_events(events, fmt, out, timestamps=timestamps)
