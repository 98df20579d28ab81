"""The synthetic corpus generator: ``python tools/synth.py --help``; the code is the package ``tools/synth/``.

Loaded by path as a module (``importlib.util.spec_from_file_location("synth", "tools/synth.py")``, as
the tests do), this file stands in for the package: its modules import beneath it, its names are here.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().with_suffix("")

if __name__ == "__main__":
    sys.path.insert(0, str(_PACKAGE.parent))  # a package directory wins over this file of the same name
    from synth.cli import main

    sys.exit(main())
else:
    __path__ = [str(_PACKAGE)]
    _api = importlib.import_module(f"{__name__}.api")
    globals().update({name: getattr(_api, name) for name in _api.__all__})
