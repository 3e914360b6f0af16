"""Event coding internals: the CAMEO/PLOVER lexicon matcher (``lexicon``) and sentence modality (``modality``).

The spaCy component lives in ``newsgraph.stages.events``; these modules work on parsed tokens only.
"""
