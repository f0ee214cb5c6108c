"""``python -m spbe_analysis``: see :mod:`spbe_analysis.cli`."""
import sys

from .cli import main

sys.exit(main())
