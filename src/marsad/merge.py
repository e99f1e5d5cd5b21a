"""merge stage: event mentions -> one :class:`Event` per real-world event.

Two mentions are one event when they belong to the same event family, their actors are
compatible, their places lie within a distance that depends on how precise each place is,
and their date windows overlap. Clustering is the connected components of that relation
over mentions in a canonical order, so the result does not depend on input order, and
re-merging the same mentions gives the same events (same ids).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from datetime import date

import numpy as np
from datasketch import MinHash, MinHashLSH

from marsad.places.gazetteer import normalize
from marsad.records import (
    GEO_NEAR,
    GEO_PROVINCE,
    SUB_EVENT_SPECIFICITY,
    ActorMention,
    Event,
    EventMention,
    Evidence,
)
from marsad.time import precision_for

# How far apart two places may be and still be the same event, by the coarser precision.
DISTANCE_KM = {1: 15.0, GEO_NEAR: 50.0, GEO_PROVINCE: 150.0}

FAMILY = {
    "Battles": "battle",
    "Explosions/Remote violence": "remote",
    "Violence against civilians": "vac",
    "Protests": "demo",
    "Riots": "demo",
    "Strategic developments": "strategic",
}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def mention_key(m: EventMention) -> str:
    raw = f"{m.article_id}:{m.sentence_index}:{m.trigger_start}"
    if m.listed and m.place is not None:
        raw += f":{m.place.start}"  # one deed told at several places is one event per place
    return hashlib.sha1(raw.encode()).hexdigest()[:12]


def _family(m: EventMention) -> str:
    return FAMILY.get(m.event_type, m.event_type)


def _actor_keys(m: EventMention) -> set[str]:
    return {a.key or a.actor for a in (m.actor1, m.actor2) if a is not None}


def _territorial(m: EventMention) -> bool:
    return "territory" in m.sub_event_type


def compatible(a: EventMention, b: EventMention) -> bool:
    """Whether two mentions can tell the same event."""
    if _family(a) != _family(b):
        return False
    if _territorial(a) and _territorial(b) and a.sub_event_type != b.sub_event_type:
        return False
    if a.date is None or b.date is None:
        return False
    if a.date.earliest > b.date.latest or b.date.earliest > a.date.latest:
        return False
    if a.place is None or b.place is None:
        return False
    coarse = max(a.place.geo_precision, b.place.geo_precision)
    limit = DISTANCE_KM.get(coarse, 150.0)
    dist = haversine_km(a.place.latitude, a.place.longitude, b.place.latitude, b.place.longitude)
    if dist > limit:
        return False
    # Sides must agree where both reports name them; a battle's sides may come in either
    # order, but IS taking a town from the army is not the army taking it from IS.
    if _sides_agree(a.actor1, b.actor1) and _sides_agree(a.actor2, b.actor2):
        return True
    return (
        not _territorial(a)
        # (two named armed doers of remote violence are two events, each one-sided:
        # "regime forces shelled Kansafra, and Russian warplanes struck Ariha"; "regime
        # artillery shelled Turkish positions ... Turkish forces retaliated by shelling
        # regime positions")
        and not (
            _family(a) == "remote"
            and a.actor1 is not None
            and b.actor1 is not None
            and bool(a.actor1.key)
            and bool(b.actor1.key)
        )
        and _sides_agree(a.actor1, b.actor2)
        and _sides_agree(a.actor2, b.actor1)
    )


def _sides_agree(x: ActorMention | None, y: ActorMention | None) -> bool:
    return x is None or y is None or (x.key or x.actor) == (y.key or y.actor)


def _block(m: EventMention) -> tuple[str, str]:
    country = m.place.country_code if m.place else ""
    return _family(m), country


def _date_rule(m: EventMention) -> str:
    for ev in m.evidence:
        if ev.field == "event_date":
            return ev.method.removeprefix("date:")
    return ""


_FALLBACK_RULES = ("publication", "previous-in-paragraph")
TOLL_FRAME = "trigger:kill"


def same_event(a: EventMention, b: EventMention) -> bool:
    """:func:`compatible`, and, inside one article, dated alike: two sentences of one article
    that give their events different explicit dates ("launched an offensive last November",
    "have killed 620 since early November") tell different events."""
    if not compatible(a, b):
        return False
    if a.article_id != b.article_id:
        return True
    if a.episode != b.episode:
        return False  # "In a separate incident, Taliban attacked an ALP post in Adraskan"
    if _named_apart(a, b):
        return False  # "... in Qaisar district (Faryab). Taliban also attacked ALP posts in
        # Almar district (Faryab)": one event per place, as ACLED codes it
    if (a.listed or b.listed) and (a.sentence_index, a.trigger_start) == (
        b.sentence_index,
        b.trigger_start,
    ):
        return False  # "shelled Hays and At Tuhayta": one event per place the sentence lists
    assert a.date is not None and b.date is not None
    if (a.date.earliest, a.date.latest) == (b.date.earliest, b.date.latest):
        return True
    if _nested(a, b) and max(_width(a), _width(b)) <= 31:
        return True  # "last November" and "early November" in one article
    # A sentence that gives no date continues the story of the one before only when it
    # tells the same kind of action ("besieging ...", "the group's offensive this month").
    fallback = _date_rule(a).startswith(_FALLBACK_RULES) or _date_rule(b).startswith(
        _FALLBACK_RULES
    )
    # ... or, undated, tells the toll of the fight before it in its paragraph: "Houthi
    # forces clashed with pro-Hadi forces in Qaniyah. 5 Houthi fighters were killed in the
    # clashes."
    toll = any(
        _frame(m) == TOLL_FRAME and _date_rule(m).startswith("previous-in-paragraph")
        for m in (a, b)
    )
    return (fallback and _frame(a) == _frame(b)) or toll


SAME_SPOT_KM = 2.0  # two names this near are one place named two ways ("Kunduz city")


def _named_apart(a: EventMention, b: EventMention) -> bool:
    """Whether two sentences of one article tell ``a`` and ``b`` at two different towns or
    districts, neither holding the other (not a district and a town of it, nor a place and
    its province), or one of them at a place of a list and the other elsewhere."""
    p, q = a.place, b.place
    if p is None or q is None or a.sentence_index == b.sentence_index:
        return False  # (one sentence's places are its lists' and clauses' to part)
    if normalize(p.name) == normalize(q.name):
        return False
    if a.listed or b.listed:
        # a place of a list, its places told apart already, is no other sentence's place
        # ("shelled Kansafra (Idleb). Regime forces also shelled Al-Bara and Fleifel in
        # Jabal Az-Zawiya": Al-Bara is not Kansafra)
        return True
    if p.feature not in _SPOTS or q.feature not in _SPOTS:
        return False
    for unit, town in ((p, q), (q, p)):
        if (
            unit.feature == "admin2"
            and town.feature == "city"
            and normalize(town.admin2 or "") == normalize(unit.name)
        ):
            return False  # "clashes in Nihm district ... in Al Masloub (Nihm)"
    return haversine_km(p.latitude, p.longitude, q.latitude, q.longitude) > SAME_SPOT_KM


_SPOTS = frozenset({"city", "admin2"})


def _frame(m: EventMention) -> str:
    for ev in m.evidence:
        if ev.field == "event_type":
            return ev.method
    return m.sub_event_type


def _nested(a: EventMention, b: EventMention) -> bool:
    assert a.date is not None and b.date is not None
    return (a.date.earliest <= b.date.earliest and b.date.latest <= a.date.latest) or (
        b.date.earliest <= a.date.earliest and a.date.latest <= b.date.latest
    )


def _width(m: EventMention) -> int:
    return (m.date.latest - m.date.earliest).days if m.date else 10**6


def cluster(mentions: Iterable[EventMention]) -> list[list[EventMention]]:
    """Complete-linkage groups: a mention joins the first group all of whose members it
    can be the same event as. Mentions are visited in a canonical order (most precisely
    dated first, then by key), so the result does not depend on the input order, and every
    group's date windows share a common day."""
    blocks: dict[tuple[str, str], list[EventMention]] = defaultdict(list)
    for m in mentions:
        blocks[_block(m)].append(m)
    groups: list[list[EventMention]] = []
    for block in sorted(blocks):
        local: list[list[EventMention]] = []
        # Groups by the months their common window touches: a mention is only compared with
        # groups whose window can overlap its own (this keeps 100k mentions near-linear).
        by_month: dict[int, list[int]] = defaultdict(list)
        windows: list[tuple[date, date]] = []
        for m in sorted(blocks[block], key=lambda m: (_width(m), mention_key(m))):
            assert m.date is not None
            lo, hi = m.date.earliest, m.date.latest
            candidates = sorted({g for mo in _months(lo, hi) for g in by_month.get(mo, [])})
            for gi in candidates:
                glo, ghi = windows[gi]
                if glo > hi or lo > ghi:
                    continue
                group = local[gi]
                if all(same_event(m, g) for g in group):
                    group.append(m)
                    windows[gi] = (max(glo, lo), min(ghi, hi))
                    break
            else:
                local.append([m])
                windows.append((lo, hi))
                for mo in _months(lo, hi):
                    by_month[mo].append(len(local) - 1)
        groups.extend(local)
    return groups


def _months(lo: date, hi: date) -> range:
    return range(lo.year * 12 + lo.month, hi.year * 12 + hi.month + 1)


def _vote(actors: list[ActorMention | None]) -> ActorMention | None:
    present = [a for a in actors if a is not None]
    if not present:
        return None
    counts = Counter(a.key or a.actor for a in present)
    best = max(counts.values())
    winners = [a for a in present if counts[a.key or a.actor] == best]
    return max(winners, key=lambda a: (a.confidence, -a.start))


def build_event(
    group: list[EventMention],
    sources: dict[str, tuple[str, str | None]],
    duplicates: Mapping[str, str] | None = None,
) -> Event:
    """One Event from a cluster of mentions. ``sources`` maps article id -> (source, url);
    ``duplicates`` article id -> its near-duplicate group (see :func:`near_duplicate_groups`)."""
    main = max(
        group,
        key=lambda m: (
            SUB_EVENT_SPECIFICITY.get(m.sub_event_type, 1),
            m.confidence,
            -m.sentence_index,
        ),
    )
    # The narrowest consistent window: the intersection when it is not empty.
    earliest = max(m.date.earliest for m in group if m.date)
    latest = min(m.date.latest for m in group if m.date)
    if earliest > latest:
        tightest = min((m.date for m in group if m.date), key=lambda d: d.latest - d.earliest)
        earliest, latest = tightest.earliest, tightest.latest
    place = min(
        (m.place for m in group if m.place),
        key=lambda p: (p.geo_precision, -p.confidence),
        default=None,
    )
    actor1 = _vote([m.actor1 for m in group])
    actor2 = _vote(
        [
            m.actor2
            for m in group
            # (two actors the dictionary does not know both have the empty key: "clashes
            # between Mountain Brigade and Valley Division" has two sides all the same)
            if m.actor2 is None
            or actor1 is None
            or (m.actor2.key or m.actor2.actor) != (actor1.key or actor1.actor)
        ]
    )
    assoc1 = _vote([m.assoc_actor_1 for m in group])
    assoc2 = _vote([m.assoc_actor_2 for m in group])
    # ACLED's figure is the lowest reported count; an exact count ("276") outranks a vague
    # one ("many of the dead", "dozens") whatever their size.
    counted = [m for m in group if m.fatalities_low is not None]
    exact = [m for m in counted if m.fatalities_low == m.fatalities_high]
    lows = [m.fatalities_low for m in (exact or counted) if m.fatalities_low is not None]
    highs = [m.fatalities_high for m in (exact or counted) if m.fatalities_high is not None]
    claimers = sorted({m.claimed_by for m in group if m.claimed_by})
    country = place.country_code if place else None
    evidence: list[Evidence] = []
    seen: set[tuple[str, int, int, int, str]] = set()
    for m in sorted(group, key=lambda m: (m.article_id, m.sentence_index, m.trigger_start)):
        for ev in m.evidence:
            k = (ev.article_id, ev.sentence_index, ev.start, ev.end, ev.field)
            if k not in seen:
                seen.add(k)
                evidence.append(ev)
    article_ids = sorted({m.article_id for m in group})
    dup = duplicates or {}
    originals = sorted({dup.get(a, a) for a in article_ids})
    src_names = sorted({sources.get(a, ("", None))[0] or a for a in originals})
    urls = [sources.get(a, ("", None))[1] for a in article_ids]
    key = min(mention_key(m) for m in group)
    # A window is dated at its midpoint; time_precision and the window say how wide it is.
    event_date = earliest + (latest - earliest) / 2
    notes = _notes(main, actor1, actor2, place, earliest, latest, lows)
    return Event(
        event_id=f"MRS-{country or 'XX'}-{key}",
        event_date=event_date,
        time_precision=precision_for(earliest, latest),
        date_earliest=earliest,
        date_latest=latest,
        event_type=main.event_type,
        sub_event_type=main.sub_event_type,
        actor1=actor1.actor if actor1 else None,
        assoc_actor_1=assoc1.actor if assoc1 else None,
        inter1=actor1.inter if actor1 else None,
        actor2=actor2.actor if actor2 else None,
        assoc_actor_2=assoc2.actor if assoc2 else None,
        inter2=actor2.inter if actor2 else None,
        country=place.country if place else None,
        country_code=country,
        admin1=place.admin1 if place else None,
        admin2=place.admin2 if place else None,
        location=place.name if place else None,
        latitude=round(place.latitude, 5) if place else None,
        longitude=round(place.longitude, 5) if place else None,
        geo_precision=place.geo_precision if place else None,
        fatalities=min(lows)
        if lows
        else (0 if main.event_type != "Strategic developments" else None),
        fatalities_low=min(lows) if lows else None,
        fatalities_high=max(highs) if highs else None,
        claimed_by="; ".join(claimers) if claimers else None,
        notes=notes,
        source="; ".join(src_names),
        source_url=next((u for u in urls if u), None),
        n_sources=len(originals),
        evidence=evidence,
        mentions=sorted(group, key=mention_key),
        article_ids=article_ids,
    )


def _notes(
    main: EventMention,
    actor1: ActorMention | None,
    actor2: ActorMention | None,
    place: object,
    earliest: date,
    latest: date,
    lows: list[int],
) -> str:
    when = earliest.isoformat() if earliest == latest else f"between {earliest} and {latest}"
    who = actor1.actor if actor1 else "An unidentified actor"
    whom = f" against {actor2.actor}" if actor2 else ""
    where = getattr(place, "name", "an unknown location")
    deaths = f" {min(lows)} reported killed." if lows else ""
    what = main.sub_event_type.lower()
    return f"{when}: {who}{whom} - {what} at {where} ('{main.trigger}').{deaths}"


# ------------------------------------------------------------------ near-duplicate articles

NUM_PERM = 64
SHINGLE = 5
NEAR_DUPLICATE = 0.7  # estimated Jaccard of 5-word shingles
SCHEME = "affine32"  # datasketch >= 2: stored signatures must name their hashing scheme


def article_signature(text: str) -> MinHash:
    """MinHash of an article's 5-word shingles: syndicated copies and light rewrites of one
    report have nearly the same shingles."""
    words = re.findall(r"\w+", text.casefold())
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    sig = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    sig.update_batch([s.encode("utf-8") for s in shingles])
    return sig


def signature_bytes(sig: MinHash) -> bytes:
    return np.asarray(sig.hashvalues, dtype=np.uint32).tobytes()


def signature_from_bytes(data: bytes) -> MinHash:
    return MinHash(
        num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashvalues=np.frombuffer(data, dtype=np.uint32)
    )


def near_duplicate_groups(signatures: Mapping[str, MinHash]) -> dict[str, str]:
    """article id -> the id standing for its group of near-duplicates (the smallest id), by
    MinHash LSH; an article with no near-duplicate stands for itself."""
    lsh = MinHashLSH(threshold=NEAR_DUPLICATE, num_perm=NUM_PERM)
    parent = {a: a for a in signatures}

    def find(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for aid in sorted(signatures):
        sig = signatures[aid]
        for other in lsh.query(sig):
            if sig.jaccard(signatures[other]) >= NEAR_DUPLICATE:
                ra, rb = find(aid), find(other)
                parent[max(ra, rb)] = min(ra, rb)
        lsh.insert(aid, sig)
    return {a: find(a) for a in signatures}


def merge_mentions(
    mentions: Iterable[EventMention],
    sources: dict[str, tuple[str, str | None]] | None = None,
    duplicates: Mapping[str, str] | None = None,
) -> list[Event]:
    """Merge mentions (of one article or many) into events, sorted by date then id.
    ``duplicates`` maps an article id to the article standing for its near-duplicate group,
    so a syndicated copy counts as one source."""
    events = [build_event(g, sources or {}, duplicates or {}) for g in cluster(mentions)]
    events.sort(key=lambda e: (e.event_date, e.event_id))
    return events
