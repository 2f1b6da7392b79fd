"""Dyad: a knowledge base of the relations between pairs of states.

Articles are read into one :class:`~dyad.model.Document` model (:mod:`dyad.read`), facts are
extracted from them with their evidence, stored, served and exported.
"""

__version__ = "0.1.0"
