"""`python -m vco_emulator` runs the `vco-emulator` command."""

import sys

from .cli import main

sys.exit(main())
