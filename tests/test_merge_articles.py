"""Merging across articles, on short reports written for this test about documented events."""

from __future__ import annotations

import json
from pathlib import Path

from marsad.store import Store

PALMYRA = [
    {
        "id": "r1",
        "published": "2015-05-21",
        "source": "wire one",
        "text": "BEIRUT, 21 May 2015 - Islamic State fighters seized the Syrian town of Palmyra "
        "on Wednesday after government forces withdrew, a monitoring group said. The group "
        "said the jihadists were in full control of the town by nightfall.",
    },
    {
        "id": "r2",
        "published": "2015-05-21",
        "source": "wire two",
        "text": "Islamic State militants captured the ancient city of Palmyra in central Syria "
        "on Wednesday, driving out Syrian troops after days of fighting, activists said. "
        "Residents fled toward Homs as the army pulled back its artillery.",
    },
    {
        "id": "r3",
        "published": "2015-05-22",
        "source": "wire three",
        "text": "DAMASCUS, 22 May 2015 - Syrian state media confirmed that the army had pulled "
        "out of Tadmur, which fell to IS jihadists on Wednesday evening. Officials said "
        "civilians had been moved out before the withdrawal.",
    },
]
SYNDICATED = {
    "id": "r1-copy",
    "published": "2015-05-21",
    "source": "syndicator",
    "text": PALMYRA[0]["text"] + " This report was distributed by a syndication service.",
}
CLASHES = [
    {
        "id": "c1",
        "published": "2020-02-04",
        "source": "wire one",
        "text": "Syrian government forces clashed with Hayat Tahrir al-Sham fighters in the town "
        "of Saraqib on Monday, a monitoring group said.",
    },
    {
        "id": "c2",
        "published": "2020-02-11",
        "source": "wire one",
        "text": "Syrian government forces clashed again with Hayat Tahrir al-Sham fighters in "
        "Saraqib on Monday, a week after the first assault on the town, the monitor said.",
    },
]


def _ingest(tmp_path: Path, reports: list[dict[str, str]]) -> Store:
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in reports) + "\n", encoding="utf-8")
    store = Store(tmp_path / "m.duckdb")
    report = store.ingest([path])
    assert not report.errors, report.errors
    return store


def test_three_reports_one_event_and_a_syndicated_copy_counts_once(tmp_path: Path) -> None:
    with _ingest(tmp_path, [*PALMYRA, SYNDICATED]) as store:
        events = [e for e in store.events() if e.sub_event_type.endswith("territory")]
    assert len(events) == 1, [(e.location, e.event_date, e.source) for e in events]
    e = events[0]
    assert e.sub_event_type == "Non-state actor overtakes territory"
    assert e.actor1 and e.actor1.startswith("Islamic State")
    assert e.location == "Tadmur" and str(e.event_date) == "2015-05-20"
    assert len(e.article_ids) == 4  # every report's evidence is kept
    assert e.n_sources == 3  # the syndicated copy is not a fourth source
    assert e.source == "wire one; wire three; wire two"
    assert {ev.article_id for ev in e.evidence} == set(e.article_ids)


def test_two_clashes_a_week_apart_stay_two(tmp_path: Path) -> None:
    with _ingest(tmp_path, CLASHES) as store:
        events = store.events()
    clashes = [e for e in events if e.sub_event_type == "Armed clash"]
    assert [str(e.event_date) for e in clashes] == ["2020-02-03", "2020-02-10"]


def test_order_of_ingestion_does_not_change_events(tmp_path: Path) -> None:
    a = tmp_path / "a"
    b = tmp_path / "b"
    a.mkdir()
    b.mkdir()
    with _ingest(a, [*PALMYRA, SYNDICATED, *CLASHES]) as s1:
        first = [(e.event_id, e.article_ids, e.n_sources) for e in s1.events()]
    with _ingest(b, [*CLASHES, SYNDICATED, *reversed(PALMYRA)]) as s2:
        second = [(e.event_id, e.article_ids, e.n_sources) for e in s2.events()]
    assert first == second
