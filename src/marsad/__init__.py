"""marsad: an open conflict observatory."""

__version__ = "0.1.0"
