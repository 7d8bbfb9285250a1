"""The explainer's fact pipeline: load YAML, validate it, render it into pages.

Every module here is plain Python that tests import without MkDocs; `hooks/facts.py` wires them to
MkDocs events.
"""
