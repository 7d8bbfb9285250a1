"""The explainer generator: load YAML facts, check them, render them into pages and the files beside them.

Stages, each importing only those below it: `data` -> `pages` -> `outputs`, then `plugin` (the MkDocs
adapter, the only module that imports MkDocs) and `cli` (the `explainer` command). See README.md.
"""

__version__ = "0.2.0"
"""The release (pyproject.toml reads it from here; CHANGELOG.md says what changed)."""
