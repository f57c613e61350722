"""`python -m macros` is `wise`."""

import sys

from .cli import main

sys.exit(main())
