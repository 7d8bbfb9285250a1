"""`python -m mkdocs_explainer new DIR`: the same as the `explainer` command."""

import sys

from .cli import main

sys.exit(main())
