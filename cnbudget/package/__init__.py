"""Package stage: rows → CSV + ``datapackage.json`` per disclosure and for ``all/``, published whole."""
