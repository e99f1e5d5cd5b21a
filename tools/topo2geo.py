"""Convert world-atlas's ``countries-110m.json`` (TopoJSON, Natural Earth 1:110m, public
domain) into the GeoJSON outline file the web page draws: ``src/marsad/static/data/
countries-110m.geojson``. Run once when updating the data:

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python tools/topo2geo.py /tmp/package/countries-110m.json \
        src/marsad/static/data/countries-110m.geojson
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def decode_arcs(topo: dict[str, Any]) -> list[list[list[float]]]:
    """Absolute lon/lat arcs from quantized, delta-encoded TopoJSON arcs."""
    transform = topo.get("transform")
    arcs: list[list[list[float]]] = []
    for arc in topo["arcs"]:
        points: list[list[float]] = []
        x = y = 0.0
        for p in arc:
            if transform:
                x += p[0]
                y += p[1]
                (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
                points.append([round(x * sx + tx, 3), round(y * sy + ty, 3)])
            else:
                points.append([round(p[0], 3), round(p[1], 3)])
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[list[float]]]) -> list[list[float]]:
    out: list[list[float]] = []
    for i in indexes:
        part = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(part if not out else part[1:])  # consecutive arcs share an end point
    return out


def convert(topo: dict[str, Any], name: str = "countries") -> dict[str, Any]:
    arcs = decode_arcs(topo)
    features = []
    for geom in topo["objects"][name]["geometries"]:
        kind = geom.get("type")
        if kind == "Polygon":
            coords: Any = [ring(r, arcs) for r in geom["arcs"]]
        elif kind == "MultiPolygon":
            coords = [[ring(r, arcs) for r in poly] for poly in geom["arcs"]]
        else:
            continue
        features.append(
            {
                "type": "Feature",
                "id": geom.get("id"),
                "properties": {"name": (geom.get("properties") or {}).get("name")},
                "geometry": {"type": kind, "coordinates": coords},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    topo = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    geo = convert(topo)
    Path(argv[2]).write_text(json.dumps(geo, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{argv[2]}: {len(geo['features'])} countries")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
