"""``python -m spbe_analysis build``: execute every notebook, write reports and figures."""
import sys

from .report import main

sys.exit(main(sys.argv[1:]))
