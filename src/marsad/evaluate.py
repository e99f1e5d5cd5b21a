"""Score the pipeline against a hand-coded gold file (the format of seed-article.gold.json).

A predicted event matches a gold event on the *core* when its event_type and sub_event_type
are among the gold's, its place lies within ``tolerance_km`` of the gold place, and its
whole date window lies inside the gold window; it matches *fully* when its actors match
too (by any alias, after canonicalisation). Recall is counted per level (must / should /
stretch), must_not items are checked for violations, duplicates are gold events matched by
more than one prediction, and precision is the share of predictions matching some gold event.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from marsad.merge import haversine_km
from marsad.records import Event


class GoldError(ValueError):
    pass


def load_gold(path: str | Path) -> dict[str, Any]:
    p = Path(path)
    try:
        gold = json.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise GoldError(f"{p}: cannot read: {exc.strerror}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise GoldError(f"{p}: not a JSON gold file: {exc}") from None
    for key in ("document", "places", "events"):
        if key not in gold:
            raise GoldError(f"{p}: gold file has no '{key}'")
    gold["_dir"] = str(p.parent)
    return gold


def _norm(name: str) -> str:
    name = re.sub(r"\s*\([^)]*\)\s*$", "", name or "")
    return re.sub(r"[^\w]+", " ", name.casefold()).strip()


def _canonical_keys(name: str) -> set[str]:
    """The actor dictionary's keys for a name or alias (empty if unknown)."""
    try:
        from marsad.actors import ActorDictionary

        entry = ActorDictionary.load().canonical(name)
    except Exception:  # an unknown alias is simply unknown
        entry = None
    key = getattr(entry, "key", None) if entry is not None else None
    return {key} if key else set()


def actor_matches(predicted: str | None, aliases: list[str]) -> bool:
    if not predicted:
        return False
    p = _norm(predicted)
    if any(p == _norm(a) for a in aliases):
        return True
    pk = _canonical_keys(predicted)
    return bool(pk) and any(pk & _canonical_keys(a) for a in aliases)


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _core_match(ev: Event, g: dict[str, Any], gold: dict[str, Any]) -> str:
    """'' when ``ev`` matches gold event ``g`` on type, place and date, else the reason."""
    if ev.event_type not in _as_list(g["event_type"]):
        return "type"
    if ev.sub_event_type not in _as_list(g["sub_event_type"]):
        return "sub_event_type"
    place = gold["places"].get(g["place"])
    tol = float(gold.get("tolerance_km", 50))
    if place is None or ev.latitude is None or ev.longitude is None:
        return "place"
    if haversine_km(ev.latitude, ev.longitude, place["lat"], place["lon"]) > tol:
        return "place"
    lo, hi = date.fromisoformat(g["earliest"]), date.fromisoformat(g["latest"])
    if not (lo <= ev.date_earliest and ev.date_latest <= hi):
        return "date"
    return ""


def _actors_match(ev: Event, g: dict[str, Any], gold: dict[str, Any]) -> bool:
    aliases = gold.get("actors", {})
    a1, a2 = g.get("actor1"), g.get("actor2")
    if a1 is not None:
        if ev.actor1 is None:
            if not g.get("actor1_optional"):
                return False
        elif not actor_matches(ev.actor1, aliases.get(a1, [a1])):
            return False
    return a2 is None or actor_matches(ev.actor2, aliases.get(a2, [a2]))


def _violates(ev: Event, rule: dict[str, Any], gold: dict[str, Any]) -> bool:
    tol = float(gold.get("tolerance_km", 50))
    if "sub_event_type" in rule and ev.sub_event_type != rule["sub_event_type"]:
        return False
    if "place" in rule:
        place = gold["places"].get(rule["place"])
        if place is None or ev.latitude is None or ev.longitude is None:
            return False
        if haversine_km(ev.latitude, ev.longitude, place["lat"], place["lon"]) > tol:
            return False
    if "actor1" in rule:
        aliases = gold.get("actors", {}).get(rule["actor1"], [rule["actor1"]])
        if not actor_matches(ev.actor1, aliases):
            return False
    if "admin1" in rule and _norm(ev.admin1 or "") != _norm(rule["admin1"]):
        return False
    return not ("earliest" in rule and ev.date_latest < date.fromisoformat(rule["earliest"]))


def _assign(edges: dict[int, list[int]], order: list[int]) -> dict[int, int]:
    """Maximum one-to-one matching gold -> prediction (Kuhn's augmenting paths); each gold's
    edges are tried in the order given (full matches first)."""
    owner: dict[int, int] = {}

    def augment(g: int, seen: set[int]) -> bool:
        for p in edges.get(g, []):
            if p in seen:
                continue
            seen.add(p)
            if p not in owner or augment(owner[p], seen):
                owner[p] = g
                return True
        return False

    for g in order:
        augment(g, set())
    return {g: p for p, g in owner.items()}


def score(events: list[Event], gold: dict[str, Any]) -> dict[str, Any]:
    """Score predicted events against a loaded gold file.

    Predictions and gold events are paired one to one (a maximum matching that prefers
    pairs whose actors match too), so one prediction never counts for two gold events.
    A prediction that matches some gold event but is left unpaired because that event is
    already paired is a duplicate."""
    gold_events = gold["events"]
    core: dict[int, list[int]] = {}
    full: dict[int, set[int]] = {}
    why_not: dict[int, str] = {}
    order = ["date", "place", "sub_event_type", "type"]
    for gi, g in enumerate(gold_events):
        reasons = []
        for pi, ev in enumerate(events):
            why = _core_match(ev, g, gold)
            if why:
                reasons.append(why)
                continue
            core.setdefault(gi, []).append(pi)
            if _actors_match(ev, g, gold):
                full.setdefault(gi, set()).add(pi)
        if gi not in core:
            why_not[gi] = next((r for r in order if r in reasons), "no event")
        else:
            core[gi].sort(key=lambda pi, gi=gi: pi not in full.get(gi, set()))
    # Full pairs first, then the rest: pair on actor-matching edges, then extend.
    full_edges = {gi: [p for p in ps if p in full.get(gi, set())] for gi, ps in core.items()}
    paired_full = _assign(full_edges, sorted(full_edges))
    rest_order = sorted(core, key=lambda gi: gi not in paired_full)
    paired = _assign(core, rest_order)
    n_full = {gi for gi, p in paired.items() if p in full.get(gi, set())}
    if len(n_full) < len(paired_full):  # keep the matching with more actor-right pairs
        paired = {
            **paired_full,
            **{
                g: p
                for g, p in paired.items()
                if g not in paired_full and p not in paired_full.values()
            },
        }
        n_full = set(paired_full)
    used = set(paired.values())
    matched_any = {p for ps in core.values() for p in ps}
    duplicates_pred = sorted(matched_any - used)
    dup_gold: dict[str, int] = {}
    for p in duplicates_pred:
        for gi, ps in core.items():
            if p in ps and gi in paired:
                dup_gold[gold_events[gi]["id"]] = dup_gold.get(gold_events[gi]["id"], 1) + 1
                break

    levels: dict[str, dict[str, int]] = {}
    for gi, g in enumerate(gold_events):
        lv = levels.setdefault(g.get("level", "must"), {"total": 0, "core": 0, "full": 0})
        lv["total"] += 1
        lv["core"] += gi in paired
        lv["full"] += gi in n_full
    violations = []
    for rule in gold.get("must_not", []):
        forbid = rule.get("forbid", {})
        if forbid.get("duplicates"):
            if dup_gold:
                violations.append(rule["id"])
            continue
        if any(_violates(ev, forbid, gold) for ev in events):
            violations.append(rule["id"])
    date_misses = [gold_events[gi]["id"] for gi, why in why_not.items() if why == "date"]
    return {
        "document": gold["document"].get("file"),
        "predicted": len(events),
        "precision": round(len(matched_any) / len(events), 3) if events else 0.0,
        "levels": levels,
        "matches": [
            {
                "id": g["id"],
                "event": events[paired[gi]].event_id if gi in paired else None,
                "actors_ok": gi in n_full,
                "why_not": why_not.get(gi, ""),
            }
            for gi, g in enumerate(gold_events)
        ],
        "duplicates": dup_gold,
        "must_not_violations": violations,
        "date_misses": date_misses,
    }


def evaluate_gold(path: str | Path) -> dict[str, Any]:
    """Run the pipeline on the document a gold file names and score it."""
    from marsad.ingest import InputError, read_paths
    from marsad.pipeline import ArticleResult, process

    gold = load_gold(path)
    doc_path = Path(gold["_dir"]) / gold["document"]["file"]
    published = gold["document"].get("published")
    items = list(
        read_paths([doc_path], published=date.fromisoformat(published) if published else None)
    )
    results = list(process(items))
    for r in results:
        if isinstance(r, InputError):
            raise GoldError(str(r))
    events = [e for r in results if isinstance(r, ArticleResult) for e in r.events]
    report = score(events, gold)
    report["events"] = [e.to_dict(with_evidence=False) for e in events]
    return report


def format_report(report: dict[str, Any]) -> str:
    lines = [f"document: {report['document']}  predicted events: {report['predicted']}"]
    for level in ("must", "should", "stretch"):
        lv = report["levels"].get(level)
        if lv:
            lines.append(
                f"{level:8s} recall: type+place+date {lv['core']}/{lv['total']}   "
                f"+actors {lv['full']}/{lv['total']}"
            )
    lines.append(f"precision: {report['precision']:.3f}")
    lines.append(f"duplicates: {sum(n - 1 for n in report['duplicates'].values())}")
    lines.append(
        "must_not violations: "
        + (", ".join(report["must_not_violations"]) if report["must_not_violations"] else "none")
    )
    lines.append("date misses: " + (", ".join(report["date_misses"]) or "none"))
    for m in report["matches"]:
        status = "ok  " if m["actors_ok"] else ("core" if m["event"] else "MISS")
        extra = f" ({m['why_not']})" if m["why_not"] else ""
        lines.append(f"  {m['id']:4s} {status}{extra}")
    return "\n".join(lines)
