"""``python -m bot`` is ``calbot``."""

import sys

from bot.cli import main

sys.exit(main())
