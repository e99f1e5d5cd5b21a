"""Pattern queries: classes, the pairing rule, the base rate, and the reference article's
gold pairs (losses of IS followed by IS offensives elsewhere)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from marsad.evaluate import load_gold, score
from marsad.patterns import (
    PatternResult,
    classifier,
    follows,
    lagged,
    losses_then_offensives,
    parse_within,
    pattern_report,
    render_pattern,
)
from marsad.records import Event

IS_SY, IS_IQ = "Islamic State (Syria)", "Islamic State (Iraq)"
SYR, IRQ = "Military Forces of Syria (2000-)", "Military Forces of Iraq (2014-)"
GAIN, TAKE = "Government regains territory", "Non-state actor overtakes territory"
POINTS = {
    "Tikrīt": (34.61581, 43.67861),
    "Tikrit-edge": (34.65, 43.70),  # a few km away: the same place for "elsewhere"
    "Ramadi": (33.42056, 43.30778),
    "Tadmur": (34.5624, 38.28402),
    "Paris": (48.85341, 2.3488),
}
_n = iter(range(10_000))


def ev(
    event_type: str,
    sub: str,
    place: str,
    earliest: str,
    latest: str | None = None,
    actor1: str | None = None,
    actor2: str | None = None,
    fatalities: int = 0,
) -> Event:
    lat, lon = POINTS[place]
    e, lt = date.fromisoformat(earliest), date.fromisoformat(latest or earliest)
    return Event(
        event_id=f"P-{next(_n):04d}",
        event_date=lt,
        time_precision=1 if e == lt else 3,
        date_earliest=e,
        date_latest=lt,
        event_type=event_type,
        sub_event_type=sub,
        actor1=actor1,
        assoc_actor_1=None,
        inter1=None,
        actor2=actor2,
        assoc_actor_2=None,
        inter2=None,
        country=None,
        country_code=None,
        admin1=None,
        admin2=None,
        location=place,
        latitude=lat,
        longitude=lon,
        geo_precision=1,
        fatalities=fatalities,
        fatalities_low=None,
        fatalities_high=None,
        claimed_by=None,
        notes="",
        source="test",
        source_url=None,
    )


def test_classes_match_the_actor_by_dictionary_key() -> None:
    loss = ev("Battles", GAIN, "Tikrīt", "2015-04-01", "2015-04-30", IRQ, IS_IQ)
    capture = ev("Battles", TAKE, "Tadmur", "2015-05-01", "2015-05-31", IS_SY, SYR)
    strike = ev("Explosions/Remote violence", "Air/drone strike", "Ramadi", "2015-06-01", None)
    strike.actor1 = "Islamic State"
    big_strike = ev(
        "Explosions/Remote violence", "Air/drone strike", "Ramadi", "2015-06-02", None,
        IS_IQ, None, 25,
    )  # fmt: skip
    paris = ev("Violence against civilians", "Attack", "Paris", "2015-11-13", None, "IS")
    protest = ev("Protests", "Peaceful protest", "Paris", "2015-11-14", None, IS_SY)
    for name in ("IS", "ISIS", "Islamic State", "Islamic State (Iraq)"):
        assert classifier("loss", name)(loss)
        assert classifier("capture", name)(capture)
        assert not classifier("capture", name)(loss)
    assert not classifier("loss", "Syrian regime")(loss)
    major = classifier("major-attack", "IS")
    assert not major(capture)  # a capture is its own class; offensive = both
    assert not major(strike)  # an air strike with few dead is an attack, not a major one
    assert major(big_strike)  # ten or more dead
    assert major(paris)  # Attack
    assert not major(protest)
    assert classifier("attack", "IS")(strike)
    assert not classifier("attack", "IS")(protest)
    assert classifier("offensive", "IS")(capture)
    with pytest.raises(ValueError):
        classifier("victory", "IS")


def test_pairing_rule_with_month_windows() -> None:
    april = ev("Battles", GAIN, "Tikrīt", "2015-04-01", "2015-04-30", IRQ, IS_IQ)
    may = ev("Battles", TAKE, "Tadmur", "2015-05-01", "2015-05-31", IS_SY, SYR)
    march = ev("Battles", TAKE, "Tadmur", "2015-03-01", "2015-03-31", IS_SY, SYR)
    same_month = ev("Violence against civilians", "Attack", "Paris", "2015-04-01", "2015-04-30")
    late = ev("Battles", TAKE, "Ramadi", "2015-07-01", "2015-07-31", IS_IQ, IRQ)
    assert follows(april, may, 60)
    assert not follows(april, march, 60)  # before the cause
    assert follows(april, same_month, 60)  # same window: allowed, order uncertain
    assert follows(april, late, 62) and not follows(april, late, 61)


def test_lagged_pairs_elsewhere_hit_rate_and_base_rate() -> None:
    events = [
        ev("Battles", GAIN, "Tikrīt", "2015-04-01", "2015-04-30", IRQ, IS_IQ),  # loss 1
        ev("Battles", TAKE, "Tadmur", "2015-05-01", "2015-05-31", IS_SY, SYR),  # follows 1
        ev("Battles", TAKE, "Tikrit-edge", "2015-05-05", None, IS_IQ, IRQ),  # same place
        ev("Battles", GAIN, "Tadmur", "2016-03-01", "2016-03-31", SYR, IS_SY),  # loss 2
        ev("Battles", TAKE, "Ramadi", "2016-09-01", None, IS_IQ, IRQ),  # too late for 2
        ev("Violence against civilians", "Attack", "Paris", "2015-11-13", None, IS_SY),
    ]
    r = losses_then_offensives(events, "IS", 60)
    assert isinstance(r, PatternResult)
    assert len(r.causes) == 2
    assert [(p.cause.location, p.effect.location) for p in r.pairs] == [("Tikrīt", "Tadmur")]
    assert r.pairs[0].order_certain and r.pairs[0].lag_days == 1
    assert r.hits == 1 and r.hit_rate == 0.5
    assert r.base_rate is not None and 0 < r.base_rate < 1
    assert r.base_rate_window is not None and r.base_rate_window <= r.base_rate
    assert r.ratio == pytest.approx(r.hit_rate / r.base_rate, rel=0.01)
    assert r.p_value is not None and 0 < r.p_value <= 1
    # a narrower window finds nothing
    assert lagged(events, actor="IS", cause="loss", effect="capture", within_days=0).pairs == []
    # the other side's losses are not IS's
    syr = lagged(events, actor="Syrian Army", cause="loss", effect="attack", within_days=60)
    assert [c.location for c in syr.causes] == ["Tadmur"]
    assert syr.pairs == []  # its next attack (March 2016) is too late
    data = json.loads(render_pattern(r, "json"))
    assert data["hits"] == 1 and len(data["unanswered"]) == 1
    assert "base rate" in render_pattern(r, "table")


def test_base_rate_rises_with_effects() -> None:
    loss = ev("Battles", GAIN, "Tikrīt", "2015-01-01", None, IRQ, IS_IQ)
    end = ev("Battles", GAIN, "Tikrīt", "2016-12-31", None, IRQ, IS_IQ)
    sparse = [
        loss,
        end,
        ev("Violence against civilians", "Attack", "Paris", "2016-06-01", None, "IS"),
    ]
    dense = sparse + [
        ev("Violence against civilians", "Attack", "Paris", f"2015-{m:02d}-15", None, "IS")
        for m in range(1, 13)
    ]
    a = lagged(sparse, actor="IS", cause="loss", effect="attack", within_days=30)
    b = lagged(dense, actor="IS", cause="loss", effect="attack", within_days=30)
    assert a.base_rate is not None and b.base_rate is not None
    assert a.base_rate < b.base_rate
    assert b.hits == 1 and a.hits == 0


# ------------------------------------------------------------------ the reference article


@pytest.fixture(scope="module")
def seed(seed_path: Path, seed_gold_path: Path) -> tuple[list[Event], dict[str, Any]]:
    import marsad

    gold = load_gold(seed_gold_path)
    text = seed_path.read_text(encoding="utf-8")
    return marsad.extract(text, published=gold["document"]["published"]), gold


def test_seed_gold_pairs(seed: tuple[list[Event], dict[str, Any]]) -> None:
    events, gold = seed
    matched = {m["id"]: m["event"] for m in score(events, gold)["matches"]}
    result = losses_then_offensives(events, "IS", 60)
    found = {(p.cause.event_id, p.effect.event_id) for p in result.pairs}
    names = {v: k for k, v in matched.items() if v}
    print(render_pattern(result))
    gold_pairs = [(p["loss"], p["response"]) for p in gold["pattern"]["pairs"]]
    got = [(c, e) for c, e in gold_pairs if (matched.get(c), matched.get(e)) in found]
    print(f"gold pairs found: {got} of {gold_pairs}")
    print(f"all pairs: {sorted((names.get(c, c), names.get(e, e)) for c, e in found)}")
    assert ("E16", "E10") in got
    assert ("E18", "E19") in got
    assert result.base_rate is not None and result.hit_rate is not None


def test_pattern_report_from_store(
    tmp_path: Path, seed_path: Path, seed: tuple[list[Event], dict[str, Any]]
) -> None:
    from marsad.store import Store

    _, gold = seed
    db = tmp_path / "seed.duckdb"
    with Store(db) as store:
        store.ingest([seed_path], published=date.fromisoformat(gold["document"]["published"]))
    data = json.loads(pattern_report(db, "losses-then-offensives", "IS", 60, None, None, "json"))
    assert data["hits"] >= 2 and data["pairs"]
    table = pattern_report(db, "lagged", "ISIS", 60, "loss", "capture", "table")
    assert "capture" in table
    with pytest.raises(ValueError):
        pattern_report(db, "lagged", "IS", 60, None, None, "table")
    with pytest.raises(ValueError):
        pattern_report(db, "seasonal", "IS", 60, None, None, "table")


def test_parse_within() -> None:
    assert [parse_within(x) for x in ("60", "60d", "8w", "2m", "1y")] == [60, 60, 56, 60, 365]
    with pytest.raises(ValueError):
        parse_within("sixty days")
