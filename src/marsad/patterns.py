"""Pattern queries over events: does one kind of event tend to follow another?

Actor
    The actor is matched by actor dictionary key (:func:`marsad.control.actor_key`), so
    "IS" matches "Islamic State (Syria)" and "Islamic State (Iraq)".

Classes (``cause`` / ``effect``)
    ``loss``         a territory event (Government regains territory, Non-state actor
                     overtakes territory, Non-violent transfer of territory) whose actor2 is
                     the actor: the actor lost the place.
    ``capture``      a territory event whose actor1 is the actor.
    ``attack``       any violent event (Battles, Explosions/Remote violence, Violence against
                     civilians) whose actor1 is the actor.
    ``major-attack`` an ``attack`` that is an offensive on the ground or a mass-casualty
                     strike: fatalities >= 10, or sub_event_type in :data:`MAJOR_SUB_EVENTS`
                     (Suicide bomb, Attack, Armed clash initiated by the actor -- actor1 is
                     the side that acts --, Remote explosive/landmine/IED). Air strikes,
                     shelling, abductions and the like with fewer than 10 dead are not.
    ``offensive``    ``capture`` or ``major-attack`` (the effect of losses-then-offensives).

Pairing rule ("followed within N days")
    Event dates are windows ``[e, l]``. An effect F follows a cause C when
    ``F.e >= C.e`` and ``F.l >= C.l`` (F neither starts nor ends before C does) and
    ``F.e <= C.l + N days`` (F may begin within N days of C's last possible day). With
    month-precision dates this pairs a loss in April with a capture in May, and a loss and
    an attack both dated "November"; such pairs, whose windows overlap so the order is not
    certain, are flagged ``order_certain = False``. The effect must be *elsewhere*: more
    than :data:`ELSEWHERE_KM` from the cause (different location names when either has no
    coordinates), and never the cause event itself.

Base rate
    For each cause C, the chance that a window of the same length as C's search window
    (``C.l - C.e + N`` days) placed at random contains the start of an effect: the share of
    the start days ``d`` sliding over the span of the actor's events (every event where it
    is actor1 or actor2, from the earliest ``e`` to the latest ``l`` minus the window
    length; the first day when the span is shorter) for which some effect has
    ``d <= F.e <= d + length``. ``base_rate`` is the mean over causes (the hit rate
    expected by chance), ``base_rate_window`` the same for a plain N-day window. The
    "elsewhere" condition is not applied to the base rate, which therefore errs high (a
    conservative comparison). ``ratio = hit_rate / base_rate``; ``p_value`` is the
    probability of at least as many hits if each cause were hit with its own chance rate
    (Poisson-binomial tail).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from marsad.control import TERRITORY, actor_key
from marsad.merge import haversine_km
from marsad.records import Event

VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")
MAJOR_SUB_EVENTS = ("Suicide bomb", "Attack", "Armed clash", "Remote explosive/landmine/IED")
MAJOR_FATALITIES = 10
ELSEWHERE_KM = 50.0
CLASSES = ("loss", "capture", "attack", "major-attack", "offensive")


def _is(ev: Event, which: int, key: str) -> bool:
    name = ev.actor1 if which == 1 else ev.actor2
    return bool(name) and actor_key(name) == key


def classifier(cls: str, actor: str) -> Callable[[Event], bool]:
    """A predicate for event class ``cls`` (one of :data:`CLASSES`) of ``actor``."""
    key = actor_key(actor)

    def loss(ev: Event) -> bool:
        return ev.sub_event_type in TERRITORY and _is(ev, 2, key)

    def capture(ev: Event) -> bool:
        return ev.sub_event_type in TERRITORY and _is(ev, 1, key)

    def attack(ev: Event) -> bool:
        return ev.event_type in VIOLENT and _is(ev, 1, key)

    def major(ev: Event) -> bool:
        return attack(ev) and (
            (ev.fatalities or 0) >= MAJOR_FATALITIES or ev.sub_event_type in MAJOR_SUB_EVENTS
        )

    table: dict[str, Callable[[Event], bool]] = {
        "loss": loss,
        "capture": capture,
        "attack": attack,
        "major-attack": major,
        "offensive": lambda ev: capture(ev) or major(ev),
    }
    if cls not in table:
        raise ValueError(f"unknown event class {cls!r}: one of {', '.join(CLASSES)}")
    return table[cls]


@dataclass(slots=True)
class Pair:
    cause: Event
    effect: Event
    lag_days: int  # effect's earliest minus cause's latest (negative when windows overlap)
    distance_km: float | None
    order_certain: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "cause": _brief(self.cause),
            "effect": _brief(self.effect),
            "lag_days": self.lag_days,
            "distance_km": None if self.distance_km is None else round(self.distance_km, 1),
            "order_certain": self.order_certain,
        }


@dataclass(slots=True)
class PatternResult:
    actor: str
    cause: str
    effect: str
    within_days: int
    causes: list[Event] = field(default_factory=list)
    effects: list[Event] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)
    hits: int = 0
    hit_rate: float | None = None
    base_rate: float | None = None
    base_rate_window: float | None = None
    ratio: float | None = None
    p_value: float | None = None
    span: tuple[date, date] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "cause": self.cause,
            "effect": self.effect,
            "within_days": self.within_days,
            "span": [d.isoformat() for d in self.span] if self.span else None,
            "n_causes": len(self.causes),
            "n_effects": len(self.effects),
            "hits": self.hits,
            "hit_rate": self.hit_rate,
            "base_rate": self.base_rate,
            "base_rate_window": self.base_rate_window,
            "ratio": self.ratio,
            "p_value": self.p_value,
            "pairs": [p.to_dict() for p in self.pairs],
            "unanswered": [_brief(c) for c in self.causes if not self._hit(c)],
        }

    def _hit(self, cause: Event) -> bool:
        return any(p.cause.event_id == cause.event_id for p in self.pairs)


def _brief(ev: Event) -> dict[str, Any]:
    return {
        "event_id": ev.event_id,
        "earliest": ev.date_earliest.isoformat(),
        "latest": ev.date_latest.isoformat(),
        "sub_event_type": ev.sub_event_type,
        "actor1": ev.actor1,
        "actor2": ev.actor2,
        "location": ev.location,
    }


def _distance(a: Event, b: Event) -> float | None:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]


def follows(cause: Event, effect: Event, within_days: int) -> bool:
    """The pairing rule of the module docstring (time only)."""
    return (
        effect.date_earliest >= cause.date_earliest
        and effect.date_latest >= cause.date_latest
        and effect.date_earliest <= cause.date_latest + timedelta(days=within_days)
    )


def elsewhere(cause: Event, effect: Event) -> bool:
    dist = _distance(cause, effect)
    if dist is None:
        return (cause.location or "").casefold() != (effect.location or "").casefold()
    return dist > ELSEWHERE_KM


def _chance(effect_starts: list[date], lo: date, hi: date, length: int) -> float:
    """Share of start days d in the span for which some effect starts in [d, d + length];
    ``effect_starts`` sorted."""
    last = max(lo, hi - timedelta(days=length))
    days = (last - lo).days + 1
    covered = 0
    for i in range(days):
        d = lo + timedelta(days=i)
        j = bisect_left(effect_starts, d)
        if j < len(effect_starts) and effect_starts[j] <= d + timedelta(days=length):
            covered += 1
    return covered / days


def _poisson_binomial_tail(ps: list[float], k: int) -> float:
    dist = [1.0]
    for p in ps:
        new = [0.0] * (len(dist) + 1)
        for i, q in enumerate(dist):
            new[i] += q * (1 - p)
            new[i + 1] += q * p
        dist = new
    return min(1.0, sum(dist[k:]))


def lagged(
    events: Iterable[Event], *, actor: str, cause: str, effect: str, within_days: int
) -> PatternResult:
    """Each ``cause`` event of ``actor`` followed, within ``within_days`` and elsewhere, by an
    ``effect`` event of the same actor; with the base rate (module docstring)."""
    if within_days < 0:
        raise ValueError("within_days must be >= 0")
    events = list(events)
    is_cause, is_effect = classifier(cause, actor), classifier(effect, actor)
    key = actor_key(actor)
    order = lambda e: (e.date_earliest, e.date_latest, e.event_id)  # noqa: E731
    causes = sorted((e for e in events if is_cause(e)), key=order)
    effects = sorted((e for e in events if is_effect(e)), key=order)
    result = PatternResult(actor, cause, effect, within_days, causes, effects)
    for c in causes:
        for f in effects:
            if f.event_id == c.event_id or not follows(c, f, within_days):
                continue
            if not elsewhere(c, f):
                continue
            result.pairs.append(
                Pair(
                    cause=c,
                    effect=f,
                    lag_days=(f.date_earliest - c.date_latest).days,
                    distance_km=_distance(c, f),
                    order_certain=f.date_earliest > c.date_latest,
                )
            )
    hit_ids = {p.cause.event_id for p in result.pairs}
    result.hits = len(hit_ids)
    own = [e for e in events if _is(e, 1, key) or _is(e, 2, key)]
    if own:
        lo = min(e.date_earliest for e in own)
        hi = max(e.date_latest for e in own)
        result.span = (lo, hi)
        starts = sorted(f.date_earliest for f in effects)
        result.base_rate_window = round(_chance(starts, lo, hi, within_days), 3)
        if causes:
            chances = [
                _chance(starts, lo, hi, (c.date_latest - c.date_earliest).days + within_days)
                for c in causes
            ]
            result.base_rate = round(sum(chances) / len(chances), 3)
            result.p_value = round(_poisson_binomial_tail(chances, result.hits), 4)
    if causes:
        result.hit_rate = round(result.hits / len(causes), 3)
        if result.base_rate:
            result.ratio = round(result.hit_rate / result.base_rate, 2)
    return result


def losses_then_offensives(
    events: Iterable[Event], actor: str, within_days: int = 60
) -> PatternResult:
    """Each territorial loss of ``actor`` followed within ``within_days`` by a capture or a
    major attack of the same actor elsewhere."""
    return lagged(events, actor=actor, cause="loss", effect="offensive", within_days=within_days)


def parse_within(text: str) -> int:
    """A window length for the CLI: "60", "60d", "8w", "2m" (30-day months), "1y" (365)."""
    m = re.fullmatch(r"\s*(\d+)\s*([dwmy]?)\s*", text.lower())
    if not m:
        raise ValueError(f"not a window length: {text!r} (e.g. 60d, 8w, 2m)")
    return int(m.group(1)) * {"": 1, "d": 1, "w": 7, "m": 30, "y": 365}[m.group(2)]


# ------------------------------------------------------------------------- report


def _fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def render_pattern(result: PatternResult, fmt: str = "table") -> str:
    if fmt == "json":
        return json.dumps(result.to_dict(), ensure_ascii=False, indent=2)
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r} (json or table)")
    lines = [
        f"{result.actor}: {result.cause} followed within {result.within_days} days by "
        f"{result.effect} elsewhere",
    ]
    if result.span:
        lines.append(f"span of the actor's events: {result.span[0]} .. {result.span[1]}")
    lines.append(
        f"causes: {len(result.causes)}  effects: {len(result.effects)}  "
        f"causes followed: {result.hits}  hit rate: {_fmt(result.hit_rate)}"
    )
    lines.append(
        f"base rate (chance, same windows): {_fmt(result.base_rate)}  "
        f"plain {result.within_days}-day window: {_fmt(result.base_rate_window)}  "
        f"ratio: {'n/a' if result.ratio is None else f'{result.ratio:.2f}'}  "
        f"p: {'n/a' if result.p_value is None else f'{result.p_value:.4f}'}"
    )
    if result.pairs:
        lines.append("")
        lines.append("cause -> effect (lag days, km, order)")
    for p in result.pairs:
        c, f = p.cause, p.effect
        lines.append(
            f"  {c.date_earliest}..{c.date_latest} {c.sub_event_type} at {c.location} "
            f"[{c.event_id}] -> {f.date_earliest}..{f.date_latest} {f.sub_event_type} at "
            f"{f.location} [{f.event_id}]  ({p.lag_days:+d} d, "
            f"{'?' if p.distance_km is None else round(p.distance_km)} km, "
            f"{'certain' if p.order_certain else 'windows overlap'})"
        )
    return "\n".join(lines)


def pattern_report(
    db_path: str | Path,
    kind: str,
    actor: str,
    within_days: int,
    cause: str | None = None,
    effect: str | None = None,
    fmt: str = "table",
) -> str:
    """``marsad pattern KIND``: ``losses-then-offensives`` or ``lagged`` (which needs
    ``cause`` and ``effect``). Raises ValueError on an unknown kind, class or format."""
    from marsad.store import Store

    with Store(db_path) as store:
        store.refresh_events()
        events = store.events()
    if kind == "losses-then-offensives":
        result = losses_then_offensives(events, actor, within_days)
    elif kind == "lagged":
        if not cause or not effect:
            raise ValueError("lagged needs --cause and --effect")
        result = lagged(events, actor=actor, cause=cause, effect=effect, within_days=within_days)
    else:
        raise ValueError(f"unknown pattern {kind!r}: losses-then-offensives or lagged")
    return render_pattern(result, fmt)
