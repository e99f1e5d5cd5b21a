"""The read-only JSON API (marsad.web) with FastAPI's TestClient, over a store built once
from the seed article, the demo corpus and one article carrying injected markup."""

from __future__ import annotations

import json
import re
import sys
import warnings
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from marsad.records import Event
from marsad.store import Store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette: "use httpx2" (TestClient still works)
    from fastapi.testclient import TestClient

from marsad.web import create_app, parse_bbox

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "examples" / "seed-article.txt"
DEMO = ROOT / "examples" / "demo"

SCRIPT = "<script>alert('xss')</script>"
EVIL = {
    "id": "xss-1",
    "title": f"{SCRIPT} Clashes in Kunduz",
    "text": (
        "KUNDUZ, 3 March 2021 - Taliban fighters attacked an Afghan army checkpoint in Kunduz "
        f"on Tuesday, killing five soldiers {SCRIPT}, officials said."
    ),
    "published": "2021-03-03",
    "source": "evil <b>wire</b>",
    "url": None,
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("web")
    evil = folder / "evil.jsonl"
    evil.write_text(json.dumps(EVIL) + "\n", encoding="utf-8")
    path = folder / "marsad.duckdb"
    with Store(path) as store:
        if SEED.exists():
            store.ingest([SEED], published=date(2017, 2, 4))
        store.ingest([DEMO, evil])
    return path


@pytest.fixture(scope="module")
def events(db: Path) -> list[Event]:
    with Store(db, read_only=True) as store:
        found = store.events()
    assert len(found) >= 5
    return found


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db))


def _ids(client: TestClient, **params: Any) -> list[str]:
    r = client.get("/api/events", params={**params, "page_size": 500})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["total"] == len(body["items"])
    return [item["event_id"] for item in body["items"]]


def _store_ids(db: Path, **kw: Any) -> list[str]:
    with Store(db, read_only=True) as store:
        return [e.event_id for e in store.events(**kw)]


def _error(r: Any, param: str) -> str:
    assert r.status_code == 422, r.text
    assert r.headers["content-type"] == "application/json"
    detail = r.json()["detail"]
    hits = [d for d in detail if d["loc"] == ["query", param]]
    assert hits, detail
    return str(hits[0]["msg"])


# ------------------------------------------------------------------ basics


def test_index_health_and_docs(client: TestClient, events: list[Event]) -> None:
    index = client.get("/api").json()
    assert "/api/events" in index["endpoints"]
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    health = client.get("/api/health").json()
    assert health["status"] == "ok"
    assert health["counts"]["events"] == len(events)
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "cdn" not in docs.text.lower()  # the Swagger UI assets ship with the package
    assert client.get("/static-offline-docs/swagger-ui-bundle.js").status_code == 200
    assert client.get("/redoc").status_code == 200
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/stats", "/api/control"} <= set(
        spec["paths"]
    )


def test_read_only(client: TestClient) -> None:
    assert client.post("/api/events").status_code == 405
    assert client.delete("/api/events/x").status_code == 405


def test_missing_store_is_503(tmp_path: Path) -> None:
    r = TestClient(create_app(tmp_path / "none.duckdb")).get("/api/events")
    assert r.status_code == 503
    assert "no such store" in r.json()["detail"]


# ------------------------------------------------------------------ /api/events


def test_default_listing(client: TestClient, events: list[Event]) -> None:
    body = client.get("/api/events").json()
    assert body["total"] == len(events)
    assert body["page"] == 1 and body["page_size"] == 50
    dates = [item["event_date"] for item in body["items"]]
    assert dates == sorted(dates)
    item = body["items"][0]
    assert {"event_id", "event_date", "event_type", "actor1", "latitude", "notes"} <= set(item)


@pytest.mark.parametrize(
    ("params", "store_kw"),
    [
        ({"country": "SY"}, {"country": "SY"}),
        ({"country": "somalia"}, {"country": "Somalia"}),
        ({"since": "2017-01-01"}, {"since": date(2017, 1, 1)}),
        ({"until": "2016-06-30"}, {"until": date(2016, 6, 30)}),
        (
            {"since": "2016-01-01", "until": "2016-12-31"},
            {"since": date(2016, 1, 1), "until": date(2016, 12, 31)},
        ),
        ({"actor": "islamic state"}, {"actor": "Islamic State"}),
        ({"type": "Battles"}, {"event_type": "Battles"}),
        ({"type": "armed clash"}, {"event_type": "Armed clash"}),
        (
            {"country": "SY", "type": "Battles", "since": "2016-06-01"},
            {"country": "SY", "event_type": "Battles", "since": date(2016, 6, 1)},
        ),
    ],
)
def test_filters_match_the_store(
    client: TestClient, db: Path, params: dict[str, str], store_kw: dict[str, Any]
) -> None:
    expected = _store_ids(db, **store_kw)
    assert expected, store_kw  # the fixture must exercise the filter
    assert sorted(_ids(client, **params)) == sorted(expected)


def test_filters_narrow(client: TestClient, events: list[Event]) -> None:
    assert len(_ids(client, country="SY")) < len(events)
    assert _ids(client, country="ZZ") == []
    assert _ids(client, actor="no such actor anywhere") == []


def test_bbox_filter(client: TestClient, events: list[Event]) -> None:
    box = (35.5, 32.0, 42.5, 37.5)  # Syria, roughly
    expected = sorted(
        e.event_id
        for e in events
        if e.latitude is not None
        and e.longitude is not None
        and box[0] <= e.longitude <= box[2]
        and box[1] <= e.latitude <= box[3]
    )
    assert expected
    assert sorted(_ids(client, bbox=",".join(map(str, box)))) == expected
    assert _ids(client, bbox="-10,-10,-9,-9") == []


def test_notes_search(client: TestClient, events: list[Event]) -> None:
    word = "Mogadishu"
    expected = sorted(e.event_id for e in events if word.lower() in (e.notes or "").lower())
    assert expected
    assert sorted(_ids(client, q=word.upper())) == expected


def test_injection_attempts_are_just_values(client: TestClient) -> None:
    assert _ids(client, country="SY' OR 1=1 --") == []
    assert _ids(client, actor="%") == []  # a literal substring, not a LIKE wildcard
    assert _ids(client, q="'); DROP TABLE events; --") == []
    assert client.get("/api/health").json()["counts"]["events"] > 0


def test_pagination(client: TestClient, events: list[Event]) -> None:
    size = 4
    first = client.get("/api/events", params={"page_size": size}).json()
    total = first["total"]
    assert total == len(events)
    assert first["pages"] == -(-total // size)
    seen: list[str] = []
    for page in range(1, first["pages"] + 1):
        body = client.get("/api/events", params={"page": page, "page_size": size}).json()
        assert body["total"] == total and body["page"] == page
        expected_len = size if page < first["pages"] else total - size * (first["pages"] - 1)
        assert len(body["items"]) == expected_len
        seen += [item["event_id"] for item in body["items"]]
    assert len(seen) == len(set(seen)) == total
    beyond = client.get("/api/events", params={"page": first["pages"] + 1, "page_size": size})
    assert beyond.status_code == 200
    assert beyond.json()["items"] == [] and beyond.json()["total"] == total


def test_sorting(client: TestClient) -> None:
    def values(sort: str, key: str) -> list[Any]:
        body = client.get("/api/events", params={"sort": sort, "page_size": 500}).json()
        return [item[key] for item in body["items"]]

    dates = values("-event_date", "event_date")
    assert dates == sorted(dates, reverse=True)
    deaths = [d for d in values("-fatalities", "fatalities") if d is not None]
    assert deaths == sorted(deaths, reverse=True) and deaths[0] >= 200
    asc = values("fatalities", "fatalities")
    known = [d for d in asc if d is not None]
    assert known == sorted(known)
    assert asc[: len(known)] == known  # nulls last


# ------------------------------------------------------------------ /api/events/{id}


def test_event_detail_with_evidence_and_sentences(client: TestClient, events: list[Event]) -> None:
    event = max(events, key=lambda e: len(e.evidence))
    r = client.get(f"/api/events/{event.event_id}")
    assert r.status_code == 200
    body = r.json()
    assert body["event_id"] == event.event_id
    assert body["event_date"] == event.event_date.isoformat()
    assert len(body["evidence"]) == len(event.evidence)
    assert {"article_id", "sentence_index", "start", "end", "text", "field"} <= set(
        body["evidence"][0]
    )
    sentences = body["sentences"]
    assert sentences
    assert {"title", "source", "url", "published", "text"} <= set(sentences[0])
    for ev in body["evidence"]:
        # the sentence it names, and the one its offsets lie in (a dateline's, say)
        named = [
            s
            for s in sentences
            if s["article_id"] == ev["article_id"] and s["sentence_index"] == ev["sentence_index"]
        ]
        holding = [
            s
            for s in sentences
            if s["article_id"] == ev["article_id"] and s["start"] <= ev["start"] < s["end"]
        ]
        assert named and holding
        assert holding[0]["text"][ev["start"] - holding[0]["start"] :].startswith(ev["text"])


@pytest.mark.parametrize("event_id", ["MRS-XX-000000000000", "nope", "a b"])
def test_unknown_event_is_404_json(client: TestClient, event_id: str) -> None:
    r = client.get(f"/api/events/{event_id}")
    assert r.status_code == 404
    assert r.headers["content-type"] == "application/json"
    assert "no event with id" in r.json()["detail"]


# ------------------------------------------------------------------ 422s


def test_since_after_until(client: TestClient) -> None:
    r = client.get("/api/events", params={"since": "2017-02-01", "until": "2017-01-01"})
    assert "after until" in _error(r, "since")
    r = client.get("/api/stats", params={"since": "2017-02-01", "until": "2017-01-01"})
    assert "after until" in _error(r, "since")


@pytest.mark.parametrize("bad", ["2017-13-01", "yesterday", "2017/02/01", "04-02-2017"])
def test_malformed_dates(client: TestClient, bad: str) -> None:
    assert "date" in _error(client.get("/api/events", params={"since": bad}), "since")


@pytest.mark.parametrize(
    ("bbox", "words"),
    [
        ("1,2,3", "4 comma-separated numbers"),
        ("1,2,3,4,5", "4 comma-separated numbers"),
        ("a,b,c,d", "must be numbers"),
        ("-200,0,10,10", "longitudes"),
        ("0,-95,10,10", "latitudes"),
        ("10,0,0,10", "minimum must not exceed maximum"),
    ],
)
def test_bad_bbox(client: TestClient, bbox: str, words: str) -> None:
    assert words in _error(client.get("/api/events", params={"bbox": bbox}), "bbox")
    with pytest.raises(ValueError, match=words):
        parse_bbox(bbox)


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({"page": "0"}, "page"),
        ({"page": "x"}, "page"),
        ({"page_size": "0"}, "page_size"),
        ({"page_size": "501"}, "page_size"),
        ({"sort": "actor1"}, "sort"),
        ({"sort": "date; DROP TABLE events"}, "sort"),
    ],
)
def test_bad_paging_and_sort(client: TestClient, params: dict[str, str], param: str) -> None:
    msg = _error(client.get("/api/events", params=params), param)
    if param == "sort":
        assert "-fatalities" in msg  # the message lists the allowed keys


# ------------------------------------------------------------------ /api/stats


def test_stats_per_week_and_type(client: TestClient, events: list[Event]) -> None:
    body = client.get("/api/stats").json()
    assert body["total"] == len(events)
    assert sum(w["events"] for w in body["weeks"]) == len(events)
    assert sum(t["events"] for t in body["by_type"]) == len(events)
    for w in body["weeks"]:
        assert re.fullmatch(r"\d{4}-W\d{2}", w["week"])
        assert date.fromisoformat(w["week_start"]).weekday() == 0  # ISO weeks start Monday
    types = {e.event_type for e in events}
    assert {t["event_type"] for t in body["by_type"]} == types


def test_stats_filtered(client: TestClient) -> None:
    body = client.get("/api/stats", params={"country": "SO"}).json()
    assert body["total"] >= 1
    assert sum(w["fatalities"] for w in body["weeks"]) >= 200
    assert {w["week"] for w in body["weeks"]} == {"2017-W41"}  # 14 October 2017


# ------------------------------------------------------------------ markup is data


def test_injected_script_comes_back_as_a_json_string(client: TestClient) -> None:
    ids = _ids(client, country="AF", since="2021-01-01")
    assert ids, "the injected article should yield an event"
    r = client.get(f"/api/events/{ids[0]}")
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/json"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "<script" not in r.text and "</" not in r.text  # escaped in the raw body
    body = r.json()
    texts = [s["text"] for s in body["sentences"]]
    assert any(SCRIPT in t for t in texts)  # ... and verbatim once parsed
    assert {s["title"] for s in body["sentences"]} == {EVIL["title"]}
    assert body["sentences"][0]["source"] == "evil <b>wire</b>"
    r404 = client.get("/api/events/<img src=x onerror=alert(1)>")
    assert r404.status_code == 404 and "<img" not in r404.text


# ------------------------------------------------------------------ /api/control


def test_control_needs_place_or_date(client: TestClient) -> None:
    pytest.importorskip("marsad.control")
    assert "place" in _error(client.get("/api/control"), "place")
    assert "date" in _error(client.get("/api/control", params={"on": "2017-02-30"}), "on")


def test_control_unknown_place_is_404(client: TestClient) -> None:
    pytest.importorskip("marsad.control")
    r = client.get("/api/control", params={"place": "Atlantis"})
    assert r.status_code == 404
    assert "Atlantis" in r.json()["detail"]


def test_control_timeline(client: TestClient) -> None:
    pytest.importorskip("marsad.control")
    if not SEED.exists():
        pytest.skip("the seed article (Palmyra) is not here")
    body = client.get("/api/control", params={"place": "Palmyra"}).json()
    assert body["intervals"]
    assert {"holder", "from", "to", "confidence", "evidence"} <= set(body["intervals"][0])
    on = client.get("/api/control", params={"place": "Palmyra", "on": "2016-06-01"})
    assert on.status_code == 200
    holders = {iv["holder"] for iv in on.json()["intervals"]}
    assert holders <= {iv["holder"] for iv in body["intervals"]}


def test_control_without_the_module_is_501(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "marsad.control", None)  # import now raises ImportError
    r = client.get("/api/control", params={"place": "Palmyra"})
    assert r.status_code == 501
    assert "not available" in r.json()["detail"]
