"""Scoring rules of the event evaluation harness, on hand-built inputs, plus a smoke run on
the staged gold data (skipped when ../shared/data/events is not here)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from marsad.evaluate_events import (
    CASE_LABELS,
    FIELDS,
    NONE,
    SPLITS,
    TEST_COUNTRIES,
    GoldRow,
    actor_match,
    evaluate_acled,
    evaluate_case,
    f1_table,
    format_acled_report,
    format_case_report,
    load_acled_notes,
    load_case,
    macro_f1,
    norm_name,
    pair_events,
    parse_acled_date,
    primary_event,
    score_pair,
    top_confusions,
)
from marsad.records import Event, EventMention

SHARED = Path(__file__).resolve().parents[2] / "shared"
EVENTS = SHARED / "data" / "events"


def make_event(**kw: Any) -> Event:
    day = kw.pop("day", date(2020, 5, 3))
    base: dict[str, Any] = {
        "event_id": "e",
        "event_date": day,
        "time_precision": 1,
        "date_earliest": day,
        "date_latest": day,
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "actor1": None,
        "assoc_actor_1": None,
        "inter1": None,
        "actor2": None,
        "assoc_actor_2": None,
        "inter2": None,
        "country": None,
        "country_code": None,
        "admin1": None,
        "admin2": None,
        "location": None,
        "latitude": None,
        "longitude": None,
        "geo_precision": None,
        "fatalities": None,
        "fatalities_low": None,
        "fatalities_high": None,
        "claimed_by": None,
        "notes": "",
        "source": "",
        "source_url": None,
    }
    base.update(kw)
    return Event(**base)


def make_gold(**kw: Any) -> GoldRow:
    base: dict[str, Any] = {
        "event_date": date(2020, 5, 3),
        "time_precision": 1,
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "actor1": "",
        "actor2": "",
        "country": "Testland",
        "location": "A",
        "latitude": 10.0,
        "longitude": 20.0,
        "fatalities": 0,
    }
    base.update(kw)
    return GoldRow(**base)


def test_acled_dates_in_both_file_formats() -> None:
    assert parse_acled_date("9-May-20") == date(2020, 5, 9)
    assert parse_acled_date("21 March 2020") == date(2020, 3, 21)
    with pytest.raises(ValueError):
        parse_acled_date("yesterday")


def test_norm_name_drops_trailing_parenthetical_and_case() -> None:
    assert norm_name("Military Forces of Testland (2014-)") == "military forces of testland"
    assert norm_name("  Rebels of the North ") == "rebels of the north"
    assert norm_name(None) == ""


def test_actor_match_rules() -> None:
    assert actor_match(None, "")  # both empty
    assert not actor_match("Somebody", "")
    assert not actor_match(None, "Somebody")
    assert actor_match("Zorblax Front", "zorblax front (Testland)")
    assert not actor_match("Zorblax Front", "Quuxian Army")


def test_actor_match_uses_dictionary_keys() -> None:
    from marsad.actors import ActorDictionary

    entry = next(e for e in ActorDictionary.load() if e.aliases)
    alias = next(a for a in entry.aliases if norm_name(a) != norm_name(entry.actor))
    assert actor_match(alias, entry.actor)


def test_score_pair_fields() -> None:
    ev = make_event(
        latitude=10.2,  # ~22 km north
        longitude=20.0,
        date_earliest=date(2020, 5, 1),
        date_latest=date(2020, 5, 4),
        fatalities=None,
    )
    scores = score_pair(ev, make_gold())
    assert set(scores) == set(FIELDS)
    assert scores["location_50km"] and scores["date_in_window"]
    assert scores["fatalities_exact"]  # None reads as 0
    assert scores["date_exact_day"] and scores["actor1"] and scores["actor2"]
    far = make_event(latitude=11.0, longitude=20.0, fatalities=2, day=date(2020, 5, 5))
    scores = score_pair(far, make_gold(fatalities=3, sub_event_type="Attack"))
    assert not scores["location_50km"]  # ~111 km
    assert not scores["fatalities_exact"] and not scores["date_in_window"]
    assert not scores["sub_event_type"] and scores["event_type"]
    assert not score_pair(make_event(), make_gold())["location_50km"]  # no point predicted


def test_pairing_prefers_type_then_distance_and_is_one_to_one() -> None:
    gold = [
        make_gold(location="A", latitude=10.0, longitude=20.0),
        make_gold(location="B", latitude=12.0, longitude=20.0),
        make_gold(sub_event_type="Attack", event_type="Violence against civilians"),
    ]
    events = [
        make_event(latitude=12.0, longitude=20.0),  # clash at B
        make_event(latitude=10.0, longitude=20.0),  # clash at A
        make_event(
            sub_event_type="Attack",
            event_type="Violence against civilians",
            latitude=12.0,
            longitude=20.0,
        ),
    ]
    assert pair_events(events, gold) == [(1, 0), (0, 1), (2, 2)]
    # more predictions than gold rows: one pair, the same sub_event_type wins over distance
    pairs = pair_events(
        [
            make_event(sub_event_type="Attack", latitude=10.0, longitude=20.0),
            make_event(latitude=40.0, longitude=20.0),
        ],
        [make_gold()],
    )
    assert pairs == [(1, 0)]
    assert pair_events([], gold) == []


def test_f1_table_and_macro() -> None:
    pairs = [("a", "a"), ("a", NONE), ("b", "a"), (NONE, "b"), ("b", "b")]
    table = f1_table(pairs)
    assert set(table) == {"a", "b"}
    assert table["a"]["precision"] == pytest.approx(0.5)
    assert table["a"]["recall"] == pytest.approx(0.5)
    assert table["b"]["precision"] == pytest.approx(0.5)
    assert table["b"]["recall"] == pytest.approx(0.5)
    assert macro_f1(table) == pytest.approx(0.5)
    none = f1_table(pairs, [NONE])[NONE]
    assert none["support"] == 1 and none["predicted"] == 1 and none["f1"] == 0.0
    assert top_confusions(pairs, 2)[0][2] == 1
    assert macro_f1({}) == 0.0


def test_primary_event_is_earliest_mention() -> None:
    def mention(start: int, sub: str) -> EventMention:
        return EventMention("a", 0, start, start + 3, "x", "Battles", sub)

    late = make_event(sub_event_type="Attack", mentions=[mention(50, "Attack")])
    early = make_event(mentions=[mention(90, "Armed clash"), mention(5, "Armed clash")])
    assert primary_event([late, early]) is early
    assert primary_event([]) is None


def test_case_labels_cover_the_25_acled_types() -> None:
    assert len(CASE_LABELS) == 25
    assert len({sub for _, sub in CASE_LABELS.values()}) == 25


@pytest.mark.skipif(not EVENTS.is_dir(), reason="../shared/data/events is not here")
def test_smoke_on_the_staged_gold_data() -> None:
    acled = evaluate_acled(SHARED, "test", limit=30)
    assert acled["notes"] == 30 and acled["gold_events"] >= 30
    assert acled["paired"] + acled["missed"] == acled["gold_events"]
    for section in ("all", "found"):
        for name in FIELDS:
            assert 0.0 <= acled[section][name] <= 1.0
        # a miss counts as wrong, so the all-rows figure never beats the found figure
        assert acled["all"]["event_type"] <= acled["found"]["event_type"] + 1e-9
    assert 0.0 <= acled["sub_event_type_macro_f1"] <= 1.0
    assert "event_type" in format_acled_report(acled)

    case = evaluate_case(SHARED, "test", limit=30)
    assert case["snippets"] == 30
    assert case["acled_snippets"] + case["non_acled_snippets"] == 30
    for key in (
        "event_type_accuracy",
        "sub_event_type_accuracy",
        "sub_event_type_macro_f1",
        "invented_event_rate",
    ):
        assert 0.0 <= case[key] <= 1.0
    assert len(case["confusions"]) <= 10
    assert "macro-F1" in format_case_report(case)
    with pytest.raises(ValueError):
        evaluate_case(SHARED, "validation")


@pytest.mark.skipif(not EVENTS.is_dir(), reason="../shared/data/events is not here")
def test_splits_are_disjoint_and_test_is_the_issues_split() -> None:
    notes = load_acled_notes(EVENTS)
    by_split: dict[str, set[str]] = {s: set() for s in SPLITS}
    for note in notes:
        by_split[note.split].add(note.text)
        in_test = any(r.country in TEST_COUNTRIES for r in note.rows)
        assert (note.split == "test") == in_test
    assert not by_split["train"] & by_split["dev"]
    assert 0.15 < len(by_split["dev"]) / (len(by_split["dev"]) + len(by_split["train"])) < 0.25
    ids = {s: {i for i, _, _ in load_case(EVENTS, s)} for s in SPLITS}
    assert all(i % 2 == 1 for i in ids["test"])
    assert all(i % 4 == 2 for i in ids["dev"]) and all(i % 4 == 0 for i in ids["train"])


def test_actor_match_ignores_acled_period_tags() -> None:
    assert norm_name("Military Forces of Testland (2016-) Northern Command") == (
        "military forces of testland northern command"
    )
    assert actor_match(
        "Military Forces of Testland (2016-2021) Northern Command",
        "Military Forces of Testland (2016-) Northern Command",
    )
    assert not actor_match(
        "Military Forces of Testland (2016-) Northern Command",
        "Military Forces of Testland (2016-) Southern Command",
    )
