"""`python -m generator`: the `gen` command."""

import sys

from generator.cli import main

sys.exit(main())
