"""Rendering of place mentions for ``marsad places FILE [--format jsonl|table]``."""

from __future__ import annotations

import json

from marsad.records import PlaceMention

COLUMNS = (
    "text",
    "start",
    "end",
    "name",
    "geonameid",
    "latitude",
    "longitude",
    "country_code",
    "admin1",
    "admin2",
    "feature",
    "geo_precision",
    "confidence",
    "candidates_considered",
)


def place_row(p: PlaceMention) -> dict:
    return {c: getattr(p, c) for c in COLUMNS}


def render_places(places: list[PlaceMention], fmt: str = "jsonl") -> str:
    """One line per toponym mention: JSON lines, or an aligned text table."""
    rows = [place_row(p) for p in places]
    if fmt == "jsonl":
        return "\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}")
    cells = [[("" if r[c] is None else str(r[c])) for c in COLUMNS] for r in rows]
    widths = [max([len(c), *(len(row[i]) for row in cells)]) for i, c in enumerate(COLUMNS)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(COLUMNS, widths, strict=True))]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)) for row in cells]
    return "\n".join(line.rstrip() for line in lines)
