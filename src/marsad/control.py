"""Territorial control: who held a place from when to when, built from events.

Places
    Events are grouped into places by coordinates: two events lie at the same place when
    their points are within :data:`SAME_PLACE_KM` of each other (single linkage), whatever
    their spelling. Only town-level events (``geo_precision`` 1 or 2) count; a province or
    a country is not something a side holds in this sense. :func:`build_timelines` returns a
    :class:`Timelines` dict **keyed by the gazetteer name of the place** (the events'
    ``location``, e.g. ``"Tadmur"``); each :class:`~marsad.records.ControlInterval` also
    carries the place's ``geonameid`` when the gazetteer knows it, and ``Timelines.coords``
    holds each key's point. A name the user types ("Palmyra") is resolved through
    ``Gazetteer.lookup`` to gazetteer entries; the place whose geonameid is among them, or
    whose point lies within :data:`RESOLVE_KM` of one of them, is the answer
    (:func:`resolve_place`).

Inference rules (all dates are event windows ``[e, l]``, ``e`` = ``date_earliest``,
``l`` = ``date_latest``; intervals are ``[start, end)``, ``None`` = open)
    1. *Transfer.* A territory event (Government regains territory, Non-state actor
       overtakes territory, Non-violent transfer of territory) at P: actor1 holds P from
       ``l`` until the next transfer at P begins (confidence ``c``), and from ``e`` to
       ``l`` with confidence ``c/2`` (the change happened somewhere in the window). Actor2
       held P before ``e``: before the first transfer that interval is open at the start;
       between transfers it is only emitted when it disagrees with the previous winner,
       and then it is a conflicting report (rule 5).
    2. *Unnamed winner.* "Government regains territory" with no actor1: the state forces of
       the event's country (``ActorDictionary.forces_for``), confidence x 0.7. Any other
       transfer with no actor1 ends the previous holder's interval and starts none.
    3. *ACLED's rule.* A change of control needs armed interaction (a Battles transfer) or
       an agreed handover (Non-violent transfer), and must last more than a day: a
       transfer reversed (the loser takes it back) within one day of it, both known to the
       day, is a raid and neither event changes control. A failed assault (an Armed clash,
       however large) is never a transfer.
    4. *Weak evidence of holding.* (a) An Armed clash at P is read as an assault by actor1
       on actor2 (the pipeline's convention: actor1 is the side that acts); the defender,
       actor2, is taken to hold P from ``e`` (confidence ``0.4 x c``) until the next
       transfer at P or the next weak report naming another holder -- so a repelled
       assault leaves the defender holding P ("the regime tried to seize Tabqa and was
       repelled": IS holds Tabqa), and besiegers do not hold what they besiege. (b) A
       "Headquarters or base established" event: actor1 holds P during the window.
       (c) Statements of holding (``holdings=``, see :class:`Holding`):
       :func:`holdings_from_store` reads them from a store's ``sentences`` and ``mentions``
       tables ("its stronghold of Raqqa", "besieging regime forces in the provincial
       capital", "retain pockets of territory in Anbar"), dated from the sentence's first
       date (or publication) to publication; :func:`control_report` uses them.
       A weak report that agrees with the holder already inferred at that date only adds
       its evidence to that interval; where no holder is known it opens an interval; where
       it disagrees with a transfer-based holder it is shown as a conflicting interval
       limited to its own window.
    5. *Conflicts are shown, not hidden.* Two intervals of different holders that overlap
       are both returned; each lists the other's evidence in ``conflicting``. This covers
       two transfers in overlapping windows with different winners, a loser who is not
       the previous winner, and weak reports that disagree.
    6. *Confidence* = mean confidence of the event's evidence for its type, place, actor
       and date fields, x 1.0 / 0.9 / 0.75 for day / week / month date precision, x 0.9
       when the place is only "near" the town (geo_precision 2).
    7. *Evidence* = the event's evidence entries for ``location``, ``actor1``, ``actor2``,
       ``event_date`` and ``event_type``.

API
    :func:`build_timelines`, :func:`holder_on`, :func:`timeline_for`, :func:`resolve_place`,
    :func:`holdings_from_store`; for the CLI, :func:`control_report` (reads a store) and
    :func:`render_control` (formats timelines as ``json`` or ``table``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from marsad.merge import haversine_km
from marsad.records import GEO_NEAR, ControlInterval, Event, Evidence

TERRITORY = (
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Non-violent transfer of territory",
)
SAME_PLACE_KM = 5.0
RESOLVE_KM = 10.0
WEAK = 0.4
WEAK_SUB_EVENTS = ("Armed clash", "Headquarters or base established")
EVIDENCE_FIELDS = ("location", "actor1", "actor2", "event_date", "event_type")
_PRECISION_FACTOR = {1: 1.0, 2: 0.9, 3: 0.75}
ARMED_INTER = {1, 2, 3, 4, 8}


@dataclass(slots=True)
class Holding:
    """A statement that ``holder`` held a place during ``[earliest, latest]``: e.g. "the
    group's primary Syrian stronghold, Raqqa". Fed to :func:`build_timelines` as weak
    evidence (rule 4c)."""

    location: str
    latitude: float
    longitude: float
    holder: str
    earliest: date
    latest: date
    confidence: float = 0.5
    evidence: list[Evidence] = field(default_factory=list)


class Timelines(dict[str, list[ControlInterval]]):
    """Place name -> intervals sorted by start; ``coords[name]`` is the place's point."""

    def __init__(self) -> None:
        super().__init__()
        self.coords: dict[str, tuple[float, float]] = {}


# ------------------------------------------------------------------------- actors


@lru_cache(maxsize=4096)
def actor_key(name: str | None) -> str:
    """The actor dictionary key of an ACLED name or alias ("Islamic State (Syria)" -> "IS");
    the case-folded name itself when the dictionary does not know it."""
    if not name:
        return ""
    try:
        from marsad.actors import ActorDictionary

        entry = ActorDictionary.load().canonical(name)
    except Exception:  # an unreadable dictionary must not break a query
        entry = None
    return entry.key if entry is not None else name.casefold().strip()


def _state_forces(country_code: str | None) -> str | None:
    try:
        from marsad.actors import ActorDictionary, actor_for_country

        dictionary = ActorDictionary.load()
        entry = dictionary.forces_for(country_code)
        if entry is None:
            return None
        return actor_for_country(entry, country_code, dictionary=dictionary)
    except Exception:
        return None


# ------------------------------------------------------------------------- claims


@dataclass(slots=True)
class _Claim:
    holder: str
    key: str
    start: date | None
    end: date | None
    confidence: float
    evidence: list[Evidence]
    strong: bool
    window: tuple[date, date]


def _confidence(ev: Event) -> float:
    confs = [x.confidence for x in ev.evidence if x.field in EVIDENCE_FIELDS]
    base = sum(confs) / len(confs) if confs else 0.5
    base *= _PRECISION_FACTOR.get(ev.time_precision, 0.75)
    if ev.geo_precision == GEO_NEAR:
        base *= 0.9
    return round(min(1.0, base), 3)


def _evidence(ev: Event) -> list[Evidence]:
    return [x for x in ev.evidence if x.field in EVIDENCE_FIELDS]


def _is_armed(ev: Event, which: int) -> bool:
    inter = ev.inter1 if which == 1 else ev.inter2
    return inter is None or inter in ARMED_INTER


def _winner(ev: Event) -> tuple[str | None, float]:
    if ev.actor1:
        return ev.actor1, 1.0
    if ev.sub_event_type == "Government regains territory":
        return _state_forces(ev.country_code), 0.7
    return None, 0.0


def _drop_raids(transfers: list[Event]) -> list[Event]:
    """Rule 3: a transfer reversed within a day (both known to the day) is no transfer."""
    drop: set[str] = set()
    for a, b in pairwise(transfers):
        if a.time_precision != 1 or b.time_precision != 1:
            continue
        win_a, _ = _winner(a)
        win_b, _ = _winner(b)
        reversed_ = actor_key(win_b) == actor_key(a.actor2) and actor_key(b.actor2) == actor_key(
            win_a
        )
        if reversed_ and (b.date_earliest - a.date_latest).days <= 1:
            drop |= {a.event_id, b.event_id}
    return [t for t in transfers if t.event_id not in drop]


def _place_timeline(events: list[Event], holdings: list[Holding]) -> list[_Claim]:
    transfers = sorted(
        (e for e in events if e.sub_event_type in TERRITORY),
        key=lambda e: (e.date_earliest, e.date_latest, e.event_id),
    )
    transfers = _drop_raids(transfers)
    claims: list[_Claim] = []
    # Rule 1 and 2: transfers.
    winners: list[tuple[Event, str | None, float]] = []
    for t in transfers:
        holder, factor = _winner(t)
        winners.append((t, holder, factor))
    for i, (t, holder, factor) in enumerate(winners):
        conf = _confidence(t) * factor
        # the next transfer that surely comes after this one; transfers whose windows
        # overlap cannot be ordered, so each keeps its interval and they conflict (rule 5)
        nxt = next((n for n, _, _ in winners[i + 1 :] if n.date_earliest > t.date_latest), None)
        end = nxt.date_earliest if nxt is not None else None
        if holder:
            key = actor_key(holder)
            window = (t.date_earliest, t.date_latest)
            if t.date_earliest < t.date_latest:
                trans_end = t.date_latest if end is None else min(t.date_latest, end)
                claims.append(
                    _Claim(
                        holder,
                        key,
                        t.date_earliest,
                        trans_end,
                        round(conf / 2, 3),
                        _evidence(t),
                        True,
                        window,
                    )
                )
            start = t.date_latest
            if end is None or end > start:
                claims.append(
                    _Claim(holder, key, start, end, round(conf, 3), _evidence(t), True, window)
                )
        if t.actor2:
            key2 = actor_key(t.actor2)
            before = [w for w in winners[:i] if w[0].date_latest < t.date_earliest]
            prev = before[-1] if before else None
            # a transfer overlapping an earlier one says nothing sure about who held it
            # before: that is the earlier one's story
            overlapping = any(w[0].date_latest >= t.date_earliest for w in winners[:i])
            if prev is None and not overlapping:
                claims.append(
                    _Claim(
                        t.actor2,
                        key2,
                        None,
                        t.date_earliest,
                        round(conf * 0.8, 3),
                        _evidence(t),
                        True,
                        (t.date_earliest, t.date_latest),
                    )
                )
            elif prev is not None and actor_key(prev[1]) != key2:
                # the loser is not the previous winner: a conflicting report (rule 5)
                claims.append(
                    _Claim(
                        t.actor2,
                        key2,
                        prev[0].date_latest,
                        t.date_earliest,
                        round(conf * 0.5, 3),
                        _evidence(t),
                        True,
                        (t.date_earliest, t.date_latest),
                    )
                )
    # Rule 4: weak reports, in date order.
    weak: list[_Claim] = []
    for e in events:
        holder, conf = None, 0.0
        if (
            e.event_type == "Battles"
            and e.sub_event_type == "Armed clash"
            and e.actor2
            and _is_armed(e, 2)
        ):
            holder, conf = e.actor2, WEAK * _confidence(e)
        elif e.sub_event_type == "Headquarters or base established" and e.actor1:
            holder, conf = e.actor1, WEAK * _confidence(e)
        if holder:
            weak.append(
                _Claim(
                    holder,
                    actor_key(holder),
                    e.date_earliest,
                    None,
                    round(conf, 3),
                    _evidence(e),
                    False,
                    (e.date_earliest, e.date_latest),
                )
            )
    for h in holdings:
        weak.append(
            _Claim(
                h.holder,
                actor_key(h.holder),
                h.earliest,
                None,
                round(WEAK * h.confidence, 3),
                list(h.evidence),
                False,
                (h.earliest, h.latest),
            )
        )
    weak.sort(key=lambda c: (c.window, c.key))
    strong = [c for c in claims if c.strong]
    starts = sorted({t.date_earliest for t in transfers})
    merged: list[_Claim] = []
    for w in weak:
        assert w.start is not None
        covering = [c for c in strong if _covers(c, w.start) or _covers(c, w.window[1])]
        agree = [c for c in covering if c.key == w.key]
        if agree:
            for c in agree:
                c.evidence.extend(x for x in w.evidence if x not in c.evidence)
            continue
        if covering:  # disagrees with a transfer: conflicting, only for its own window
            w.end = w.window[1] + timedelta(days=1)
            merged.append(w)
            continue
        w.end = next((s for s in starts if s > w.start), None)
        if merged and merged[-1].key == w.key and _covers(merged[-1], w.start, open_end=True):
            last = merged[-1]
            last.evidence.extend(x for x in w.evidence if x not in last.evidence)
            last.confidence = round(max(last.confidence, w.confidence), 3)
            last.window = (last.window[0], max(last.window[1], w.window[1]))
            continue
        for prev in merged:  # a later weak report of another holder ends an earlier one
            if (
                prev.key != w.key
                and _covers(prev, w.start)
                and prev.start != w.start
                and prev.window[1] < w.start
            ):
                prev.end = w.start
        merged.append(w)
    return claims + merged


def _covers(c: _Claim, d: date, *, open_end: bool = False) -> bool:
    if c.start is not None and d < c.start:
        return False
    if c.end is None:
        return True
    return d < c.end or (open_end and d == c.end)


def _overlap(a: ControlInterval, b: ControlInterval) -> bool:
    lo_a, lo_b = a.start or date.min, b.start or date.min
    hi_a, hi_b = a.end or date.max, b.end or date.max
    return lo_a < hi_b and lo_b < hi_a


def _cluster(events: list[Event]) -> list[list[Event]]:
    """Single-linkage groups of events within SAME_PLACE_KM of each other (union-find over
    a 0.1-degree grid, so a large store stays fast)."""
    parent = list(range(len(events)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    cell = 0.1
    grid: dict[tuple[int, int], list[int]] = {}
    for i, ev in enumerate(events):
        assert ev.latitude is not None and ev.longitude is not None
        cx, cy = int(ev.latitude // cell), int(ev.longitude // cell)
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for j in grid.get((cx + dx, cy + dy), ()):
                    other = events[j]
                    d = haversine_km(
                        ev.latitude,
                        ev.longitude,
                        other.latitude,
                        other.longitude,  # type: ignore[arg-type]
                    )
                    if d <= SAME_PLACE_KM:
                        parent[find(i)] = find(j)
        grid.setdefault((cx, cy), []).append(i)
    groups: dict[int, list[Event]] = {}
    for i, ev in enumerate(events):
        groups.setdefault(find(i), []).append(ev)
    return [sorted(g, key=lambda e: e.event_id) for g in groups.values()]


def _gazetteer_entry(name: str, lat: float, lon: float) -> Any:
    """The gazetteer entry called ``name`` within SAME_PLACE_KM of the point, or None."""
    try:
        from marsad.places import Gazetteer

        cands = Gazetteer.load().lookup(name)
    except Exception:
        return None
    near = [c for c in cands if haversine_km(lat, lon, c.latitude, c.longitude) <= SAME_PLACE_KM]
    near.sort(key=lambda c: (c.feature_name != "city", -c.population))
    return near[0] if near else None


def _name_rank(name: str, entry: Any, stats: tuple[int, int]) -> tuple[bool, bool, int, int, str]:
    """Prefer a name the gazetteer knows there, as the entry's own name (not an alias), the
    most precise, then the most frequent."""
    own = entry is not None and entry.name == name
    return (entry is None, not own, stats[1], -stats[0], name)


def build_timelines(
    events: Iterable[Event], *, holdings: Sequence[Holding] | None = None
) -> Timelines:
    """Per place, the control intervals the events support (see the module docstring).

    The result is keyed by the place's gazetteer name (the events' ``location``); intervals
    are sorted by start (open starts first), and overlapping intervals of different holders
    are both present, each listing the other's evidence in ``conflicting``."""
    usable = [
        e
        for e in events
        if e.latitude is not None
        and e.longitude is not None
        and e.location
        and (e.geo_precision or 1) <= GEO_NEAR
        and (e.sub_event_type in TERRITORY or e.sub_event_type in WEAK_SUB_EVENTS)
    ]
    holdings = list(holdings or [])
    places: list[tuple[str, float, float, int | None, list[Event], list[Holding]]] = []
    used: set[int] = set()
    for group in _cluster(usable):
        # the place's name: one the gazetteer knows there, the most precise, the most frequent
        names: dict[str, tuple[int, int]] = {}
        for e in group:
            n, best = names.get(e.location or "", (0, 9))
            names[e.location or ""] = (n + 1, min(best, e.geo_precision or 1))
        entries: dict[str, Any] = {}
        for k in names:
            ref = next(e for e in group if e.location == k)
            entries[k] = _gazetteer_entry(k, ref.latitude or 0.0, ref.longitude or 0.0)
        name = min(names, key=lambda k: _name_rank(k, entries[k], names[k]))
        ref = next(e for e in group if e.location == name)
        assert ref.latitude is not None and ref.longitude is not None
        lat, lon = ref.latitude, ref.longitude
        gid = entries[name].geonameid if entries[name] is not None else None
        mine = []
        for i, h in enumerate(holdings):
            if i not in used and haversine_km(lat, lon, h.latitude, h.longitude) <= SAME_PLACE_KM:
                mine.append(h)
                used.add(i)
        places.append((name, lat, lon, gid, group, mine))
    # holdings at places no event names make places of their own
    for i, h in enumerate(holdings):
        if i in used:
            continue
        mine = [
            x
            for j, x in enumerate(holdings)
            if j not in used
            and haversine_km(h.latitude, h.longitude, x.latitude, x.longitude) <= SAME_PLACE_KM
        ]
        used |= {j for j, x in enumerate(holdings) if any(x is m for m in mine)}
        entry = _gazetteer_entry(h.location, h.latitude, h.longitude)
        gid = entry.geonameid if entry is not None else None
        places.append((h.location, h.latitude, h.longitude, gid, [], mine))
    out = Timelines()
    for name, lat, lon, gid, group, mine in places:
        claims = _place_timeline(group, mine)
        if not claims:
            continue
        intervals = [
            ControlInterval(
                place=name,
                geonameid=gid,
                holder=c.holder,
                start=c.start,
                end=c.end,
                confidence=c.confidence,
                evidence=list(c.evidence),
            )
            for c in claims
        ]
        keys = [c.key for c in claims]
        for i, a in enumerate(intervals):
            for j, b in enumerate(intervals):
                if i != j and keys[i] != keys[j] and _overlap(a, b):
                    a.conflicting.extend(x for x in b.evidence if x not in a.conflicting)
        intervals.sort(key=lambda c: (c.start or date.min, c.end or date.max, c.holder))
        unique = name
        k = 2
        while unique in out:  # two places of one name far apart
            unique = f"{name} ({k})"
            k += 1
        if unique != name:
            for iv in intervals:
                iv.place = unique
        out[unique] = intervals
        out.coords[unique] = (lat, lon)
    return out


# ------------------------------------------------------------------------- holdings

_STRONGHOLD = re.compile(r"\b(?:strongholds?|bastions?|de facto capital)\b", re.I)
_BESIEGE = re.compile(r"\bbesieg(?:e|es|ed|ing)\b", re.I)
_HOLD = re.compile(
    r"\b(?:retains?|retained|retaining|holds?|holding|still hold|controls?|controlled|"
    r"controlling)\b",
    re.I,
)
_HELD_BY = re.compile(
    r"\b(?:held|controlled|occupied) by\b|-held\b|\bunder (?:the )?control of\b", re.I
)
_CAPITAL = re.compile(r"\b(?:provincial|regional|state) capital\b", re.I)


@dataclass(slots=True)
class _M:
    kind: str
    start: int
    end: int
    text: str
    data: dict[str, Any]


def holdings_from_store(store: Any) -> list[Holding]:
    """Statements of holding in the stored sentences (tables ``sentences`` and ``mentions``):

    * "<actor>'s (primary Syrian) stronghold(,| of) <place>" -- the actor named just before
      "stronghold" (a coreference such as "the group" counts), else the first actor named
      after the place ("its stronghold of Raqqa, IS is ...");
    * "besieging <actor> in <place>" -- the besieged actor holds the place; "the provincial
      capital" after a province's name is that province's capital;
    * "<actor> (only) retain(s)/hold(s)/control(s) ... in <place>";
    * "<place>, held/controlled by <actor>", "<actor>-held <place>".

    The window runs from the sentence's first date (the publication date when it has none)
    to the publication date: the statement is about the state of things when written."""
    con = store.con
    published = dict(con.execute("SELECT id, published FROM articles").fetchall())
    rows = con.execute(
        "SELECT article_id, idx, start_char, end_char, text FROM sentences "
        "WHERE regexp_matches(text, ?, 'i') ORDER BY article_id, idx",
        [r"stronghold|bastion|de facto capital|besieg|retain|hold|control|held|occupied"],
    ).fetchall()
    out: list[Holding] = []
    for article_id, idx, s_start, s_end, text in rows:
        pub = published.get(article_id)
        if pub is None:
            continue
        ms = [
            _M(kind, a, b, t, json.loads(d))
            for kind, a, b, t, d in con.execute(
                "SELECT kind, start_char, end_char, text, data FROM mentions "
                "WHERE article_id = ? AND start_char >= ? AND end_char <= ? ORDER BY start_char",
                [article_id, s_start, s_end],
            ).fetchall()
        ]
        out.extend(_sentence_holdings(article_id, idx, s_start, text, ms, pub))
    return out


def _sentence_holdings(
    article_id: str, idx: int, offset: int, text: str, ms: list[_M], published: date
) -> list[Holding]:
    actors = [m for m in ms if m.kind == "actor"]
    places = [m for m in ms if m.kind == "place"]
    dates = [m for m in ms if m.kind == "date"]
    earliest = published
    if dates:
        first = dates[0].data.get("earliest")
        if first:
            earliest = min(published, date.fromisoformat(first))
    found: list[tuple[_M, _M | tuple[str, float, float], re.Match[str], str, float]] = []

    def after(pos: int, items: list[_M], limit: int) -> _M | None:
        return next((m for m in items if pos <= m.start <= pos + limit), None)

    def before(pos: int, items: list[_M], limit: int) -> _M | None:
        return next((m for m in reversed(items) if pos - limit <= m.end <= pos), None)

    for cue in _STRONGHOLD.finditer(text):
        a, b = offset + cue.start(), offset + cue.end()
        place = after(b, places, 60)
        if place is None:
            continue
        holder = before(a, actors, 30) or after(place.end, actors, 20)
        if holder is not None:
            found.append((holder, place, cue, "stronghold", 0.6))
    for cue in _BESIEGE.finditer(text):
        b = offset + cue.end()
        holder = after(b, actors, 10)
        if holder is None:
            continue
        where: _M | tuple[str, float, float] | None = after(holder.end, places, 40)
        tail = text[holder.end - offset : holder.end - offset + 40]
        cap = _CAPITAL.search(tail)
        if where is None and cap:
            cue_start = offset + cue.start()
            province = next(
                (
                    m
                    for m in reversed(places)
                    if m.start < cue_start and m.data.get("feature") == "admin1"
                ),
                None,
            )
            where = _capital(province) if province is not None else None
        if where is not None:
            found.append((holder, where, cue, "besieged", 0.6))
    for cue in _HOLD.finditer(text):
        a, b = offset + cue.start(), offset + cue.end()
        holder = before(a, actors, 40)
        place = after(b, places, 60)
        if holder is not None and place is not None:
            found.append((holder, place, cue, "holds", 0.5))
    for cue in _HELD_BY.finditer(text):
        a, b = offset + cue.start(), offset + cue.end()
        if cue.group().startswith("-"):
            holder, place = before(a + 1, actors, 2), after(b, places, 5)
        else:
            holder, place = after(b, actors, 10), before(a, places, 5)
        if holder is not None and place is not None:
            found.append((holder, place, cue, "held-by", 0.5))
    out = []
    for holder, where, cue, rule, conf in found:
        if isinstance(where, _M):
            name = where.data.get("name") or where.text
            lat, lon = where.data.get("latitude"), where.data.get("longitude")
            if lat is None or lon is None:
                continue
            ev_place = [
                Evidence(
                    article_id,
                    idx,
                    where.start,
                    where.end,
                    where.text,
                    "location",
                    f"holding:{rule}",
                    conf,
                )
            ]
        else:
            name, lat, lon = where
            ev_place = []
        evidence = [
            Evidence(article_id, idx, offset + cue.start(), offset + cue.end(), cue.group(),
                     "holding", f"holding:{rule}", conf),
            Evidence(article_id, idx, holder.start, holder.end, holder.text, "holder",
                     f"holding:{rule}", float(holder.data.get("confidence", conf))),
            *ev_place,
        ]  # fmt: skip
        out.append(
            Holding(
                location=name,
                latitude=float(lat),
                longitude=float(lon),
                holder=holder.data.get("actor") or holder.text,
                earliest=earliest,
                latest=published,
                confidence=conf * float(holder.data.get("confidence", 1.0)),
                evidence=evidence,
            )
        )
    return out


def _capital(province: _M) -> tuple[str, float, float] | None:
    try:
        from marsad.places import Gazetteer

        gaz = Gazetteer.load()
        gid = province.data.get("geonameid")
        cand = next((c for c in gaz.lookup(province.data.get("name") or province.text)
                     if c.geonameid == gid), None)  # fmt: skip
        city = gaz.capital_of(cand) if cand is not None else None
    except Exception:
        return None
    return (city.name, city.latitude, city.longitude) if city is not None else None


# ------------------------------------------------------------------------- queries


def resolve_place(
    timelines: Timelines | dict[str, list[ControlInterval]], place: str
) -> str | None:
    """The key of ``timelines`` that ``place`` (a name, alias or geonameid) stands for."""
    if place in timelines:
        return place
    folded = place.casefold().strip()
    for key in timelines:
        if key.casefold() == folded:
            return key
    if place.strip().isdigit():
        gid = int(place)
        for key, ivs in timelines.items():
            if any(iv.geonameid == gid for iv in ivs):
                return key
        return None
    try:
        from marsad.places import Gazetteer

        gaz = Gazetteer.load()
        cands = gaz.lookup(place) or gaz.lookup_skeleton(place)
    except Exception:
        return None
    gids = {c.geonameid for c in cands if c.geonameid}
    best: tuple[tuple[int, int], str] | None = None
    coords = getattr(timelines, "coords", {})
    for key, ivs in timelines.items():
        if any(iv.geonameid in gids for iv in ivs):
            pop = max((c.population for c in cands if c.geonameid in gids), default=0)
            score = (0, -pop)
        elif key in coords:
            lat, lon = coords[key]
            near = [
                c for c in cands if haversine_km(lat, lon, c.latitude, c.longitude) <= RESOLVE_KM
            ]
            if not near:
                continue
            score = (1, -max(c.population for c in near))
        else:
            continue
        if best is None or score < best[0]:
            best = (score, key)
    return best[1] if best else None


def holder_on(
    timelines: Timelines | dict[str, list[ControlInterval]], place: str, on: date
) -> list[ControlInterval]:
    """The intervals covering ``on`` at ``place``, most confident first; several when
    reports conflict (their ``conflicting`` lists are then non-empty)."""
    key = resolve_place(timelines, place)
    if key is None:
        return []
    hits = [
        iv
        for iv in timelines[key]
        if (iv.start is None or iv.start <= on) and (iv.end is None or on < iv.end)
    ]
    return sorted(hits, key=lambda iv: -iv.confidence)


def timeline_for(store_or_events: Any, place: str) -> list[ControlInterval]:
    """The timeline of one place from a :class:`~marsad.store.Store` (events and statements
    of holding) or a list of events (``[]`` when the place has none)."""
    holdings: list[Holding] = []
    if hasattr(store_or_events, "events"):
        store_or_events.refresh_events()
        events = store_or_events.events()
        holdings = holdings_from_store(store_or_events)
    else:
        events = list(store_or_events)
    timelines = build_timelines(events, holdings=holdings)
    key = resolve_place(timelines, place)
    return list(timelines[key]) if key else []


# ------------------------------------------------------------------------- report


def interval_dict(iv: ControlInterval) -> dict[str, Any]:
    return {
        "place": iv.place,
        "geonameid": iv.geonameid,
        "holder": iv.holder,
        "from": iv.start.isoformat() if iv.start else None,
        "to": iv.end.isoformat() if iv.end else None,
        "confidence": iv.confidence,
        "conflicting": bool(iv.conflicting),
        "evidence": [x.to_dict() for x in iv.evidence],
        "conflicting_evidence": [x.to_dict() for x in iv.conflicting],
    }


def _table(rows: list[ControlInterval]) -> str:
    header = ("place", "holder", "from", "to", "conf", "flag", "evidence")
    body = []
    for iv in rows:
        words = "; ".join(dict.fromkeys(x.text for x in iv.evidence))
        body.append(
            (
                iv.place,
                iv.holder,
                iv.start.isoformat() if iv.start else "…",
                iv.end.isoformat() if iv.end else "…",
                f"{iv.confidence:.2f}",
                "CONFLICT" if iv.conflicting else "",
                words[:60],
            )
        )
    widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
        for r in [header, *body]
    ]
    return "\n".join(lines)


def control_report(
    db_path: str | Path, place: str | None, on: date | None, fmt: str = "table"
) -> str:
    """``marsad control``: a place's timeline, its holder on a date, or (place None) every
    place's holder on ``on``. ``fmt`` is ``json`` or ``table``. Raises ValueError for a
    place with no timeline or a call with neither place nor date."""
    from marsad.store import Store

    if place is None and on is None:
        raise ValueError("give a place, a date (--on), or both")
    if not Path(db_path).exists():
        raise ValueError(f"{db_path}: no such store")
    with Store(db_path) as store:
        store.refresh_events()
        events = store.events()
        holdings = holdings_from_store(store)
    timelines = build_timelines(events, holdings=holdings)
    return render_control(timelines, place, on, fmt)


def render_control(
    timelines: Timelines | dict[str, list[ControlInterval]],
    place: str | None,
    on: date | None,
    fmt: str = "table",
) -> str:
    if place is not None:
        key = resolve_place(timelines, place)
        if key is None:
            raise ValueError(f"no control timeline for {place!r}")
        rows = holder_on(timelines, key, on) if on else list(timelines[key])
    else:
        assert on is not None
        rows = [iv for key in sorted(timelines) for iv in holder_on(timelines, key, on)]
    if fmt == "json":
        payload: dict[str, Any] = {
            "place": place,
            "on": on.isoformat() if on else None,
            "intervals": [interval_dict(iv) for iv in rows],
        }
        return json.dumps(payload, ensure_ascii=False, indent=2)
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r} (json or table)")
    if not rows:
        return "no holder known" + (f" on {on.isoformat()}" if on else "")
    return _table(rows)
