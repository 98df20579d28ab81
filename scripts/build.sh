#!/usr/bin/env bash
# Set up (pip install) and build datapackages/ and site/ from sources/.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install --quiet --disable-pip-version-check -e .
python build.py "$@"
