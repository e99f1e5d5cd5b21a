"""store: one embedded DuckDB file holding articles, sentences, mentions, events, evidence.

Each article is written in one transaction, so a killed run loses at most the article in
flight, and an article already stored (same content hash) is skipped. Events are derived
from the stored event mentions; a ``dirty`` flag set in each article's transaction makes the
next run (or query) re-merge, so the events table never disagrees with the mentions.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, get_type_hints

import duckdb

from marsad import records
from marsad.ingest import InputError, read_paths
from marsad.merge import (
    article_signature,
    mention_key,
    merge_mentions,
    near_duplicate_groups,
    signature_bytes,
    signature_from_bytes,
)
from marsad.records import EVENT_COLUMNS, Article, Event, EventMention, Evidence

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, origin VARCHAR, source VARCHAR, url VARCHAR, title VARCHAR,
    published DATE, published_method VARCHAR, language VARCHAR, text VARCHAR,
    ingested_at TIMESTAMP, minhash BLOB
);
CREATE TABLE IF NOT EXISTS sentences (
    article_id VARCHAR, idx INTEGER, paragraph INTEGER, start_char INTEGER, end_char INTEGER,
    text VARCHAR, PRIMARY KEY (article_id, idx)
);
CREATE TABLE IF NOT EXISTS mentions (
    article_id VARCHAR, kind VARCHAR, start_char INTEGER, end_char INTEGER, text VARCHAR,
    value VARCHAR, data JSON
);
CREATE TABLE IF NOT EXISTS event_mentions (
    key VARCHAR PRIMARY KEY, article_id VARCHAR, sentence_index INTEGER,
    event_type VARCHAR, sub_event_type VARCHAR, data JSON
);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY, event_date DATE, time_precision INTEGER,
    date_earliest DATE, date_latest DATE, event_type VARCHAR, sub_event_type VARCHAR,
    actor1 VARCHAR, assoc_actor_1 VARCHAR, inter1 INTEGER, actor2 VARCHAR,
    assoc_actor_2 VARCHAR, inter2 INTEGER, country VARCHAR, country_code VARCHAR,
    admin1 VARCHAR, admin2 VARCHAR, location VARCHAR, latitude DOUBLE, longitude DOUBLE,
    geo_precision INTEGER, fatalities INTEGER, fatalities_low INTEGER,
    fatalities_high INTEGER, claimed_by VARCHAR, notes VARCHAR, source VARCHAR,
    source_url VARCHAR, n_sources INTEGER, article_ids VARCHAR[]
);
CREATE TABLE IF NOT EXISTS event_evidence (
    event_id VARCHAR, article_id VARCHAR, sentence_index INTEGER, start_char INTEGER,
    end_char INTEGER, text VARCHAR, field VARCHAR, method VARCHAR, confidence DOUBLE
);
"""


class StoreError(RuntimeError):
    pass


# ------------------------------------------------------------------ record (de)serialisation


def to_jsonable(obj: Any) -> Any:
    if is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_jsonable(getattr(obj, f.name)) for f in fields(obj) if f.name != "doc"}
    if isinstance(obj, list | tuple):
        return [to_jsonable(x) for x in obj]
    if isinstance(obj, date):
        return obj.isoformat()
    return obj


_HINTS: dict[type, dict[str, Any]] = {}


def from_jsonable(cls: type, data: dict[str, Any]) -> Any:
    """Rebuild one of the records dataclasses from :func:`to_jsonable` output."""
    hints = _HINTS.setdefault(cls, get_type_hints(cls, vars(records)))
    kwargs: dict[str, Any] = {}
    for name, value in data.items():
        hint = str(hints.get(name, ""))
        if value is None:
            kwargs[name] = None
        elif "list[marsad.records.Evidence]" in hint:
            kwargs[name] = [Evidence(**v) for v in value]
        elif "ActorMention" in hint:
            kwargs[name] = records.ActorMention(**value)
        elif "PlaceMention" in hint:
            kwargs[name] = records.PlaceMention(**value)
        elif "DateMention" in hint:
            dm = dict(value)
            dm["earliest"] = date.fromisoformat(dm["earliest"])
            dm["latest"] = date.fromisoformat(dm["latest"])
            kwargs[name] = records.DateMention(**dm)
        else:
            kwargs[name] = value
    return cls(**kwargs)


# ------------------------------------------------------------------ the store


@dataclass(slots=True)
class IngestReport:
    stored: int = 0
    skipped: int = 0
    errors: list[InputError] = field(default_factory=list)
    events: int = 0


class Store:
    """A marsad DuckDB store: ``Store(path).ingest(paths)``, ``.events(...)``."""

    def __init__(self, path: str | Path = "marsad.duckdb", *, read_only: bool = False) -> None:
        self.path = Path(path)
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open the store: {exc}") from None
        if not read_only:
            self._migrate()

    # context manager ------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # schema ----------------------------------------------------------------
    def _migrate(self) -> None:
        self.con.execute(_SCHEMA)
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            self.con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        elif int(row[0]) > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: written by a newer marsad (schema {row[0]} > {SCHEMA_VERSION})"
            )

    def _meta(self, key: str) -> str | None:
        row = self.con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self.con.execute(
            "INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    # writing ----------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        row = self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone()
        return row is not None

    def ingest(
        self,
        paths: Iterable[str | Path],
        *,
        published: date | None = None,
        source: str | None = None,
        on_item: Callable[[str, Article | InputError, int], None] | None = None,
        n_process: int = 1,
    ) -> IngestReport:
        """Read files, run the pipeline on articles not stored yet, store each in its own
        transaction, then re-merge events. ``on_item(status, item, n_events)`` is called for
        each input (status: stored | skipped | error) for progress display."""
        from marsad.pipeline import ArticleResult, process

        report = IngestReport()

        def fresh() -> Iterator[Article | InputError]:
            for item in read_paths(paths, published=published, source=source):
                if isinstance(item, Article) and self.has_article(item.id):
                    report.skipped += 1
                    if on_item:
                        on_item("skipped", item, 0)
                    continue
                yield item

        for result in process(fresh(), n_process=n_process):
            if isinstance(result, InputError):
                report.errors.append(result)
                if on_item:
                    on_item("error", result, 0)
                continue
            assert isinstance(result, ArticleResult)
            if self.has_article(result.article.id):  # a duplicate inside this batch
                report.skipped += 1
                if on_item:
                    on_item("skipped", result.article, 0)
                continue
            self.write_article(result)
            report.stored += 1
            if on_item:
                on_item("stored", result.article, len(result.events))
        report.events = self.refresh_events(force=report.stored > 0)
        return report

    def write_article(self, result: Any) -> None:
        """Store one analysed article (an ArticleResult) in one transaction."""
        art: Article = result.article
        doc = result.document
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    art.id,
                    art.origin,
                    art.source,
                    art.url,
                    art.title,
                    art.published,
                    art.published_method,
                    art.language,
                    doc.text,
                    datetime.now(UTC).replace(tzinfo=None),
                    signature_bytes(article_signature(doc.text)),
                ],
            )
            if doc.sentences:
                con.executemany(
                    "INSERT INTO sentences VALUES (?, ?, ?, ?, ?, ?)",
                    [(art.id, s.index, s.paragraph, s.start, s.end, s.text) for s in doc.sentences],
                )
            rows = []
            for kind, items, value in (
                ("date", result.dates, lambda m: f"{m.earliest}/{m.latest}"),
                ("place", result.places, lambda m: m.name),
                ("actor", result.actors, lambda m: m.actor),
            ):
                for m in items:
                    rows.append(
                        (art.id, kind, m.start, m.end, m.text, value(m), json.dumps(to_jsonable(m)))
                    )
            if rows:
                con.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
            em_rows = [
                (
                    mention_key(m),
                    art.id,
                    m.sentence_index,
                    m.event_type,
                    m.sub_event_type,
                    json.dumps(to_jsonable(m)),
                )
                for m in result.mentions
            ]
            if em_rows:
                con.executemany(
                    "INSERT INTO event_mentions VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    em_rows,
                )
            self._set_meta("dirty", "1")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def refresh_events(self, *, force: bool = False) -> int:
        """Re-merge all stored mentions into events if anything changed since the last merge."""
        if not force and self._meta("dirty") != "1":
            return self.count("events")
        mentions = [
            from_jsonable(EventMention, json.loads(row[0]))
            for row in self.con.execute("SELECT data FROM event_mentions").fetchall()
        ]
        sources: dict[str, tuple[str, str | None]] = {}
        signatures = {}
        for aid, src, url, sig in self.con.execute(
            "SELECT id, source, url, minhash FROM articles"
        ).fetchall():
            sources[aid] = (src or "", url)
            if sig is not None:
                signatures[aid] = signature_from_bytes(sig)
        events = merge_mentions(mentions, sources, near_duplicate_groups(signatures))
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("DELETE FROM events")
            con.execute("DELETE FROM event_evidence")
            if events:
                con.executemany(
                    f"INSERT INTO events VALUES ({', '.join('?' * (len(EVENT_COLUMNS) + 1))})",
                    [[getattr(e, c) for c in EVENT_COLUMNS] + [e.article_ids] for e in events],
                )
                ev_rows = [
                    (
                        e.event_id,
                        ev.article_id,
                        ev.sentence_index,
                        ev.start,
                        ev.end,
                        ev.text,
                        ev.field,
                        ev.method,
                        ev.confidence,
                    )
                    for e in events
                    for ev in e.evidence
                ]
                con.executemany(
                    "INSERT INTO event_evidence VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", ev_rows
                )
            self._set_meta("dirty", "0")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return len(events)

    # reading ----------------------------------------------------------------
    def count(self, table: str) -> int:
        if table not in {"articles", "sentences", "mentions", "event_mentions", "events"}:
            raise ValueError(table)
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def events(
        self,
        *,
        country: str | None = None,
        since: date | None = None,
        until: date | None = None,
        actor: str | None = None,
        event_type: str | None = None,
        limit: int | None = None,
        with_evidence: bool = True,
    ) -> list[Event]:
        """Stored events, filtered; ``country`` matches the ISO code or the name."""
        where, params = [], []  # type: ignore[var-annotated]
        if country:
            where.append("(lower(country_code) = lower(?) OR lower(country) = lower(?))")
            params += [country, country]
        if since:
            where.append("date_latest >= ?")
            params.append(since)
        if until:
            where.append("date_earliest <= ?")
            params.append(until)
        if actor:
            where.append(
                "(actor1 ILIKE ? OR actor2 ILIKE ? "
                "OR assoc_actor_1 ILIKE ? OR assoc_actor_2 ILIKE ?)"
            )
            params += [f"%{actor}%"] * 4
        if event_type:
            where.append("(event_type ILIKE ? OR sub_event_type ILIKE ?)")
            params += [event_type, event_type]
        sql = f"SELECT {', '.join(EVENT_COLUMNS)}, article_ids FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY event_date, event_id"
        if limit:
            sql += f" LIMIT {int(limit)}"
        rows = self.con.execute(sql, params).fetchall()
        evidence: dict[str, list[Evidence]] = {}
        if with_evidence and rows:
            ids = [r[0] for r in rows]
            for r in self.con.execute(
                "SELECT event_id, article_id, sentence_index, start_char, end_char, text, field, "
                "method, confidence FROM event_evidence WHERE event_id IN (SELECT unnest(?)) "
                "ORDER BY event_id, article_id, sentence_index, start_char",
                [ids],
            ).fetchall():
                evidence.setdefault(r[0], []).append(Evidence(*r[1:]))
        out = []
        for r in rows:
            values = dict(zip(EVENT_COLUMNS, r[: len(EVENT_COLUMNS)], strict=True))
            out.append(
                Event(
                    **values,
                    evidence=evidence.get(values["event_id"], []),
                    article_ids=list(r[-1] or []),
                )
            )
        return out
