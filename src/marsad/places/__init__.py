"""places stage: offline gazetteer, toponym recognition and resolution, geoparsing evaluation.

Contains data from GeoNames (geonames.org), CC BY 4.0.
"""

from marsad.places.evaluate import evaluate_geo, format_geo_report
from marsad.places.gazetteer import Candidate, Gazetteer, haversine_km, normalize, skeleton
from marsad.places.output import COLUMNS, place_row, render_places
from marsad.places.resolve import find_places, province_seat, resolve_spans

__all__ = [
    "COLUMNS",
    "Candidate",
    "Gazetteer",
    "evaluate_geo",
    "find_places",
    "format_geo_report",
    "haversine_km",
    "normalize",
    "place_row",
    "province_seat",
    "render_places",
    "resolve_spans",
    "skeleton",
]
