"""Exports: the knowledge base as files that researchers load in their own tools.

Two library functions, each streaming the store pair by pair (constant memory):

* :func:`export` writes the reconciled facts, every evidence sentence and the terms of office
  as CSV (with a codebook), Parquet (pyarrow, explicit schema), JSON Lines or RDF Turtle
  (rdflib, Wikidata properties P530, P580, P582 where they apply): ``writer.py``.
* :func:`panel` writes a dyad-year table (relations, missions each way, counts of events by
  type, ISO and Correlates of War codes), directed or not, ready to join with peacesciencer
  (``ccode1``, ``ccode2``, ``year``) and countrycode (``iso3c``): ``panel.py``.

Every column is declared once (``columns.py``, ``panel.py``) and documented in the codebooks
(:func:`export_codebook`, :func:`panel_codebook`).
"""

from __future__ import annotations

from dyad.export.codebook import export_codebook
from dyad.export.panel import PanelFormat, PanelSummary, panel, panel_codebook
from dyad.export.writer import FORMATS, ExportSummary, Format, export

__all__ = [
    "FORMATS",
    "ExportSummary",
    "Format",
    "PanelFormat",
    "PanelSummary",
    "export",
    "export_codebook",
    "panel",
    "panel_codebook",
]
