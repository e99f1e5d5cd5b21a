from __future__ import annotations

import random
from datetime import date

from marsad.merge import cluster, haversine_km, merge_mentions
from marsad.records import ActorMention, DateMention, EventMention, Evidence, PlaceMention


def _actor(key: str, name: str, inter: int) -> ActorMention:
    return ActorMention(0, 1, key, name, inter, None, "dictionary", 0.9, key)


IS = _actor("IS", "Islamic State (Syria)", 2)
ARMY = _actor("MIL-SY", "Military Forces of Syria (2000-)", 1)
SDF = _actor("SDF", "SDF: Syrian Democratic Forces", 2)


def _place(name: str, lat: float, lon: float, precision: int = 1) -> PlaceMention:
    return PlaceMention(
        0, 1, name, name, 1, lat, lon, "SY", "Syria", None, None, "city", precision, 0.9
    )


PALMYRA = _place("Palmyra", 34.56, 38.27)
RAQQA = _place("Raqqa", 35.95, 39.01)


def _mention(
    article: str,
    sent: int,
    sub: str,
    a1: ActorMention | None,
    a2: ActorMention | None,
    place: PlaceMention,
    d1: date,
    d2: date,
    low: int | None = None,
) -> EventMention:
    etype = "Battles"
    dm = DateMention(0, 1, "x", d1, d2, 1 if d1 == d2 else 3, "test")
    ev = [Evidence(article, sent, 0, 1, "x", "event_type", "test", 0.5)]
    return EventMention(
        article,
        sent,
        sent * 10,
        sent * 10 + 5,
        "took",
        etype,
        sub,
        a1,
        None,
        a2,
        None,
        place,
        dm,
        low,
        low,
        None,
        "asserted",
        0.7,
        ev,
    )


def test_three_reports_of_one_event_merge() -> None:
    ms = [
        _mention(
            "a1",
            0,
            "Non-state actor overtakes territory",
            IS,
            ARMY,
            PALMYRA,
            date(2016, 12, 11),
            date(2016, 12, 11),
        ),
        _mention(
            "a2",
            3,
            "Non-state actor overtakes territory",
            IS,
            None,
            PALMYRA,
            date(2016, 12, 1),
            date(2016, 12, 31),
        ),
        _mention(
            "a3",
            1,
            "Non-state actor overtakes territory",
            None,
            ARMY,
            PALMYRA,
            date(2016, 12, 10),
            date(2016, 12, 12),
        ),
    ]
    events = merge_mentions(ms, {"a1": ("w1", None), "a2": ("w2", "http://x"), "a3": ("w3", None)})
    assert len(events) == 1
    e = events[0]
    assert e.article_ids == ["a1", "a2", "a3"]
    assert (e.date_earliest, e.date_latest) == (date(2016, 12, 11), date(2016, 12, 11))
    assert e.actor1 == IS.actor and e.actor2 == ARMY.actor
    assert e.source == "w1; w2; w3" and e.source_url == "http://x"
    assert len(e.evidence) == 3


def test_two_clashes_a_week_apart_stay_two() -> None:
    ms = [
        _mention("a1", 0, "Armed clash", SDF, IS, RAQQA, date(2017, 6, 6), date(2017, 6, 6)),
        _mention("a2", 0, "Armed clash", SDF, IS, RAQQA, date(2017, 6, 13), date(2017, 6, 13)),
    ]
    assert len(merge_mentions(ms)) == 2


def test_opposite_territory_changes_do_not_merge() -> None:
    ms = [
        _mention(
            "a1",
            0,
            "Non-state actor overtakes territory",
            IS,
            ARMY,
            PALMYRA,
            date(2016, 3, 1),
            date(2016, 3, 31),
        ),
        _mention(
            "a1",
            1,
            "Government regains territory",
            ARMY,
            IS,
            PALMYRA,
            date(2016, 3, 1),
            date(2016, 3, 31),
        ),
    ]
    assert len(merge_mentions(ms)) == 2


def test_far_places_do_not_merge() -> None:
    ms = [
        _mention("a1", 0, "Armed clash", SDF, IS, RAQQA, date(2017, 6, 6), date(2017, 6, 6)),
        _mention("a2", 0, "Armed clash", SDF, IS, PALMYRA, date(2017, 6, 6), date(2017, 6, 6)),
    ]
    assert len(merge_mentions(ms)) == 2


def test_mentions_of_separate_episodes_of_one_article_do_not_merge() -> None:
    # "Taliban attacked ANP posts in X. In a separate incident, Taliban attacked an ALP post
    # in Y": near places, same sides and day, but the article says the deeds are apart
    one = _mention("a1", 0, "Armed clash", SDF, IS, RAQQA, date(2017, 6, 6), date(2017, 6, 6))
    two = _mention("a1", 1, "Armed clash", SDF, IS, RAQQA, date(2017, 6, 6), date(2017, 6, 6))
    assert len(merge_mentions([one, two])) == 1
    two.episode = 1
    assert len(merge_mentions([one, two])) == 2


def test_merge_is_order_independent_and_idempotent() -> None:
    rng = random.Random(7)
    ms = []
    for i in range(60):
        day = date(2017, 1, 1 + i % 20)
        place = RAQQA if i % 3 else PALMYRA
        ms.append(
            _mention(
                f"a{i % 7}",
                i,
                "Armed clash",
                SDF if i % 2 else IS,
                IS if i % 2 else ARMY,
                place,
                day,
                day,
            )
        )
    first = [(e.event_id, e.article_ids) for e in merge_mentions(ms)]
    for _ in range(3):
        rng.shuffle(ms)
        assert [(e.event_id, e.article_ids) for e in merge_mentions(ms)] == first
    assert len(cluster(ms)) == len(first)


def test_haversine() -> None:
    assert abs(haversine_km(34.56, 38.27, 35.336, 40.141) - 192) < 10
    assert haversine_km(1, 1, 1, 1) == 0


def test_places_a_sentence_lists_for_one_deed_stay_apart() -> None:
    # "shelled Hays and At Tuhayta": one event per place even when the two are close
    from dataclasses import replace

    d = date(2020, 5, 5)
    a = replace(_mention("a1", 0, "Armed clash", IS, ARMY, PALMYRA, d, d), listed=True)
    near = replace(_place("Palmyra east", 34.58, 38.30), start=40, end=52)
    b = replace(a, place=near, evidence=list(a.evidence))
    assert haversine_km(34.56, 38.27, 34.58, 38.30) < 15
    assert len(merge_mentions([a, b])) == 2
    assert len(merge_mentions([replace(a, listed=False), replace(b, listed=False)])) == 1


def test_two_sentences_of_one_article_at_two_near_towns_stay_two() -> None:
    # "Taliban attacked ANP checkpoints in Qaisar district. Taliban also attacked ALP posts
    # in Almar district": near, same sides and day; ACLED codes one event per place
    tabqa = _place("Tabqa", 35.84, 38.55)
    mansura = _place("Mansura", 35.84, 38.65)  # (9 km off)
    one = _mention("a1", 0, "Armed clash", SDF, IS, tabqa, date(2017, 6, 6), date(2017, 6, 6))
    two = _mention("a1", 1, "Armed clash", SDF, IS, mansura, date(2017, 6, 6), date(2017, 6, 6))
    assert len(merge_mentions([one, two])) == 2
    # the same town retold, or one sentence's two places, still merge
    again = _mention("a1", 1, "Armed clash", SDF, IS, tabqa, date(2017, 6, 6), date(2017, 6, 6))
    assert len(merge_mentions([one, again])) == 1
    same = _mention("a1", 0, "Armed clash", SDF, IS, mansura, date(2017, 6, 6), date(2017, 6, 6))
    same.trigger_start += 30
    assert len(merge_mentions([one, same])) == 1
    # and two reports (two articles) of near towns are left to the distance rule
    other = _mention("a2", 0, "Armed clash", SDF, IS, mansura, date(2017, 6, 6), date(2017, 6, 6))
    assert len(merge_mentions([one, other])) == 1
