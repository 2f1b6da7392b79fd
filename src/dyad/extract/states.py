# Compatibility for branches written before the move: the gazetteer is dyad.gazetteer now.
from dyad.gazetteer import *  # noqa: F403
