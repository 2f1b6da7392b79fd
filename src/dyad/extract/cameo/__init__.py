"""The CAMEO dictionaries of PETRARCH2 as Dyad data: verb patterns and dated leaders.

PETRARCH2 (Open Event Data, MIT licence) codes news sentences with a verb dictionary of
about 4,700 patterns over 1,700 verbs (some 15,000 verb-pattern pairs) and actor dictionaries
that date each leader's roles. :mod:`.convert` turns both into the compact files of ``data/``
(kept in the repository with the attribution and licence in ``data/NOTICE``); :mod:`.verbs`
matches the verb patterns over tagged sentences with one index keyed on the verb words, and
:mod:`.leaders` tells a person's state on a date.
"""
