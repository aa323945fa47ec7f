"""Programs the measures start, one process per repetition: each writes its figures as JSON.

Every child takes ``--out FILE`` and writes one JSON object there; nothing else is read from it.
"""
