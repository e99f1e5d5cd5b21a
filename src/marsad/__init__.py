"""marsad: an open conflict observatory.

Dated, geocoded, typed events (who did what to whom, where, when, how many were killed, who
says so) from conflict news, offline, with every field traceable to the words behind it.

    >>> import marsad
    >>> events = marsad.extract(text, published="2017-02-04")
    >>> with marsad.Store("marsad.duckdb") as store:
    ...     store.ingest(["reports.jsonl"])
    ...     store.events(country="SY")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from marsad.pipeline import extract
    from marsad.records import Event
    from marsad.store import Store

__all__ = ["Event", "Store", "__version__", "extract"]


def __getattr__(name: str) -> Any:
    # Lazy: importing marsad must not load spaCy or DuckDB until they are used.
    if name == "extract":
        from marsad.pipeline import extract

        return extract
    if name == "Store":
        from marsad.store import Store

        return Store
    if name == "Event":
        from marsad.records import Event

        return Event
    raise AttributeError(name)
