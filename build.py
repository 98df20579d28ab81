#!/usr/bin/env python3
"""Build datapackages/ and site/ from sources/: read, recognise, normalise, check, package, render."""

import sys

from cnbudget.cli import main

if __name__ == "__main__":
    sys.exit(main())
