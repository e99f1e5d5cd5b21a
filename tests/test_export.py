"""Exports: ACLED CSV (ACLED's columns, in order, read back by pandas), GeoJSON, Parquet,
JSON Lines, from a store built once from the seed article and the demo corpus."""

from __future__ import annotations

import csv
import io
import json
import time
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from marsad.export import (
    ACLED_COLUMNS,
    FORMATS,
    ExportError,
    acled_regions,
    country_codes,
    event_number,
    export_events,
    export_report,
    interaction,
    to_acled_row,
)
from marsad.records import EVENT_COLUMNS, Event, Evidence
from marsad.store import Store

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "examples" / "seed-article.txt"
DEMO = ROOT / "examples" / "demo"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "marsad.duckdb"
    with Store(path) as store:
        if SEED.exists():
            store.ingest([SEED], published=date(2017, 2, 4))
        store.ingest([DEMO])
    return path


@pytest.fixture(scope="module")
def events(db: Path) -> list[Event]:
    with Store(db, read_only=True) as store:
        found = store.events()
    assert len(found) >= 5
    return found


def _event(**kw: object) -> Event:
    base: dict[str, object] = dict(
        event_id="MRS-SY-00000000abcd",
        event_date=date(2017, 2, 2),
        time_precision=1,
        date_earliest=date(2017, 2, 2),
        date_latest=date(2017, 2, 2),
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="Islamic State (Syria)",
        assoc_actor_1=None,
        inter1=2,
        actor2="Military Forces of Syria (2000-)",
        assoc_actor_2=None,
        inter2=1,
        country="Syria",
        country_code="SY",
        admin1="Deir ez-Zor",
        admin2=None,
        location="Deir ez-Zor",
        latitude=35.336,
        longitude=40.141,
        geo_precision=1,
        fatalities=None,
        fatalities_low=None,
        fatalities_high=None,
        claimed_by=None,
        notes="IS attacked regime positions.",
        source="test wire",
        source_url=None,
    )
    base.update(kw)
    return Event(**base)  # type: ignore[arg-type]


# ------------------------------------------------------------------ ACLED mapping


def test_interaction_codes_follow_acled() -> None:
    assert interaction(1, 2) == 12
    assert interaction(2, 1) == 12
    assert interaction(8, 2) == 28
    assert interaction(2, 2) == 22
    assert interaction(1, None) == 10
    assert interaction(None, 7) == 70
    assert interaction(None, None) == 0


def test_to_acled_row_maps_codes_region_and_ids() -> None:
    row = to_acled_row(_event(), timestamp=1_500_000_000)
    assert list(row) == list(ACLED_COLUMNS)
    assert row["event_id_cnty"] == f"SYR{int('00000000abcd', 16)}"
    assert row["disorder_type"] == "Political violence"
    assert row["interaction"] == 12
    assert row["iso"] == 760
    assert row["region"] == "Middle East"
    assert row["year"] == 2017
    assert row["event_date"] == "2017-02-02"
    assert row["fatalities"] == 0  # unknown -> 0, as ACLED codes it
    assert row["civilian_targeting"] == ""
    assert row["admin3"] == "" and row["tags"] == "" and row["source_scale"] == ""
    assert row["timestamp"] == 1_500_000_000


@pytest.mark.parametrize(
    ("event_type", "disorder"),
    [
        ("Battles", "Political violence"),
        ("Explosions/Remote violence", "Political violence"),
        ("Violence against civilians", "Political violence"),
        ("Protests", "Demonstrations"),
        ("Riots", "Demonstrations"),
        ("Strategic developments", "Strategic developments"),
    ],
)
def test_disorder_type(event_type: str, disorder: str) -> None:
    assert to_acled_row(_event(event_type=event_type))["disorder_type"] == disorder


def test_civilian_targeting_and_single_actor() -> None:
    row = to_acled_row(
        _event(
            event_type="Violence against civilians",
            actor2="Civilians (Somalia)",
            inter2=7,
            country="Somalia",
            country_code="SO",
        )
    )
    assert row["civilian_targeting"] == "Civilian targeting"
    assert row["interaction"] == 27
    assert row["iso"] == 706 and row["region"] == "Eastern Africa"
    assert row["event_id_cnty"].startswith("SOM")
    alone = to_acled_row(_event(actor2=None, inter2=None, event_type="Strategic developments"))
    assert alone["inter2"] == 0 and alone["interaction"] == 20 and alone["actor2"] == ""


def test_unknown_country_leaves_iso_and_region_empty() -> None:
    row = to_acled_row(_event(country=None, country_code=None, latitude=None, longitude=None))
    assert row["iso"] == "" and row["region"] == ""
    assert row["event_id_cnty"].startswith("XXX")
    assert row["latitude"] == "" and row["longitude"] == ""


def test_event_number_is_stable_and_distinct() -> None:
    assert event_number("MRS-SY-5c2ca81cf388") == int("5c2ca81cf388", 16)
    assert event_number("odd id") == event_number("odd id")
    assert event_number("MRS-SY-5c2ca81cf388") != event_number("MRS-SY-5c2ca81cf389")


def test_region_table_covers_the_actor_dictionary_countries() -> None:
    regions = acled_regions()
    allowed = {
        "Middle East",
        "Northern Africa",
        "Western Africa",
        "Middle Africa",
        "Eastern Africa",
        "Southern Africa",
        "South Asia",
        "Southeast Asia",
        "East Asia",
        "Caucasus and Central Asia",
        "Europe",
        "North America",
        "Central America",
        "South America",
        "Caribbean",
        "Oceania",
    }
    assert set(regions.values()) <= allowed
    actors = ROOT / "src" / "marsad" / "data" / "actors.csv"
    countries: set[str] = set()
    with actors.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["country"]:
                countries.add(row["country"])
            for variant in (row.get("country_variants") or "").split(";"):
                code = variant.split("=")[0].strip()
                if len(code) == 2:
                    countries.add(code)
    missing = sorted(countries - set(regions))
    assert not missing, missing
    assert set(regions) <= set(country_codes())


# ------------------------------------------------------------------ files from the store


def test_acled_csv_reads_back_with_exactly_acleds_columns(
    db: Path, events: list[Event], tmp_path: Path
) -> None:
    out = tmp_path / "acled.csv"
    before = int(time.time()) - 3600
    n = export_report(db, "acled-csv", out)
    assert n == len(events)
    df = pd.read_csv(out)
    assert list(df.columns) == list(ACLED_COLUMNS)
    assert len(df) == len(events)
    assert df["event_id_cnty"].is_unique
    for col in ("year", "inter1", "inter2", "interaction", "iso", "fatalities", "timestamp"):
        assert pd.api.types.is_integer_dtype(df[col]), col
    assert set(df["disorder_type"]) <= {
        "Political violence",
        "Demonstrations",
        "Strategic developments",
    }
    assert df["timestamp"].between(before, int(time.time()) + 5).all()  # ingestion time
    assert df["admin3"].isna().all() and df["tags"].isna().all()
    by_id = {e.event_id: e for e in events}
    for e, (_, row) in zip(events, df.iterrows(), strict=True):
        assert row["event_id_cnty"].endswith(str(event_number(e.event_id)))
        assert row["event_date"] == e.event_date.isoformat()
        assert row["event_type"] == e.event_type
        if e.inter2 == 7:
            assert row["civilian_targeting"] == "Civilian targeting"
    assert len(by_id) == len(df)


def test_acled_csv_somalia_row(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "so.csv"
    n = export_report(db, "acled-csv", out, country="SO")
    df = pd.read_csv(out)
    assert n == len(df) >= 1
    mogadishu = df[df["location"] == "Mogadishu"].iloc[0]
    assert mogadishu["iso"] == 706
    assert mogadishu["region"] == "Eastern Africa"
    assert mogadishu["event_id_cnty"].startswith("SOM")
    assert mogadishu["fatalities"] >= 200


def test_geojson_is_a_feature_collection_of_points(
    db: Path, events: list[Event], tmp_path: Path
) -> None:
    out = tmp_path / "events.geojson"
    assert export_report(db, "geojson", out) == len(events)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection"
    assert len(doc["features"]) == len(events)
    for e, feature in zip(events, doc["features"], strict=True):
        assert feature["type"] == "Feature"
        assert feature["id"] == e.event_id
        props = feature["properties"]
        assert set(EVENT_COLUMNS) <= set(props)
        assert isinstance(props["evidence"], list) and props["evidence"]
        assert {"text", "field", "method"} <= set(props["evidence"][0])
        assert props["article_ids"] == e.article_ids
        if e.latitude is None:
            assert feature["geometry"] is None
            continue
        geometry = feature["geometry"]
        assert geometry["type"] == "Point"
        lon, lat = geometry["coordinates"]  # RFC 7946: longitude first
        assert (lon, lat) == (e.longitude, e.latitude)
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_parquet_reads_back_with_types(db: Path, events: list[Event], tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    assert export_report(db, "parquet", out) == len(events)
    table = pq.read_table(out)
    assert table.num_rows == len(events)
    schema = table.schema
    assert schema.field("event_date").type == pa.date32()
    assert schema.field("date_earliest").type == pa.date32()
    assert schema.field("inter1").type == pa.int32()
    assert schema.field("fatalities").type == pa.int32()
    assert schema.field("latitude").type == pa.float64()
    assert pa.types.is_list(schema.field("evidence").type)
    rows = table.to_pylist()
    assert rows[0]["event_date"] == events[0].event_date
    assert rows[0]["event_id"] == events[0].event_id
    assert len(rows[0]["evidence"]) == len(events[0].evidence)


def test_jsonl_is_event_to_dict(events: list[Event]) -> None:
    buf = io.BytesIO()
    assert export_events(events, "jsonl", buf) == len(events)
    assert not buf.closed  # the caller's stream is left open
    lines = buf.getvalue().decode("utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [e.to_dict() for e in events]


def test_every_format_writes_to_a_stream(events: list[Event]) -> None:
    for fmt in FORMATS:
        buf = io.BytesIO()
        assert export_events(events[:3], fmt, buf) == 3, fmt
        assert buf.getvalue(), fmt


def test_export_report_filters_like_the_store(db: Path, tmp_path: Path) -> None:
    with Store(db, read_only=True) as store:
        expected = store.events(country="SY", since=date(2016, 1, 1), event_type="Battles")
    out = tmp_path / "sy.jsonl"
    n = export_report(db, "jsonl", out, country="SY", since=date(2016, 1, 1), type="Battles")
    ids = [json.loads(line)["event_id"] for line in out.read_text().splitlines()]
    assert n == len(expected) >= 1
    assert ids == [e.event_id for e in expected]


def test_errors(db: Path, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="unknown export format"):
        export_events([], "xlsx", tmp_path / "x")
    with pytest.raises(ExportError, match="unknown export format"):
        export_report(db, "acled", tmp_path / "x")
    with pytest.raises(ExportError, match="no such store"):
        export_report(tmp_path / "missing.duckdb", "jsonl", tmp_path / "x")


def test_evidence_survives_geojson(tmp_path: Path) -> None:
    ev = Evidence("a1", 0, 0, 5, 'a "<b>"', "actor1", "dictionary", 0.9)
    out = tmp_path / "one.geojson"
    export_events([_event(evidence=[ev], article_ids=["a1"])], "geojson", out)
    props = json.loads(out.read_text())["features"][0]["properties"]
    assert props["evidence"] == [ev.to_dict()]
