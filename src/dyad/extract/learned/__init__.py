"""A learned stage of extraction: a linear model per event type, trained on the gold files.

The rules read what they were written for; this stage reads the long tail. Its features
(:mod:`.features`), its model (:mod:`.model`, shipped as data), the stage in the pipeline
(:mod:`.stage`) and its training from the development gold sets (:mod:`.train`).
"""
