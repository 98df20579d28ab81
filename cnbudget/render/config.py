"""The site's settings, said in one place: ``[tool.cnbudget]`` in the project's ``pyproject.toml``.

```toml
[tool.cnbudget]
site_url = "https://example.org/cnbudget/"   # where the site is published (http or https)
publisher = "…"                               # who publishes the data: data.json's publisher
contact_name = "…"                            # data.json's contactPoint (default: the publisher)
contact_email = "someone@example.org"         # its email, when there is one to give
```

The environment variable ``CNBUDGET_SITE_URL``, when set and not empty, overrides ``site_url`` (the
Pages workflow sets it to the address Pages serves the site at). Every key may be left out: without a
site URL the catalogue's links are relative and there is no sitemap; without a publisher the
catalogue has none. ``data.json`` validates against DCAT-US 1.1 when the site URL and the publisher
are both set.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

SITE_URL_VARIABLE = "CNBUDGET_SITE_URL"
PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"
KEYS = ("site_url", "publisher", "contact_name", "contact_email")
_EMAIL = re.compile(r"[\w~!$&'()*+,;=.-]+@[\w.-]+\.[\w.-]+")  # the local part and domain vcard.json's hasEmail accepts


@dataclass(frozen=True)
class SiteConfig:
    site_url: str = ""  # ends in "/" when set
    publisher: str = ""
    contact_name: str = ""
    contact_email: str = ""

    @property
    def contact(self) -> str:
        """The contact's name: the one configured, else the publisher."""
        return self.contact_name or self.publisher


def site_url(value: str, where: str) -> str:
    """``value`` ending in ``/`` if it is an http(s) URL, empty if empty; anything else is refused, naming ``where``."""
    url = value.strip()
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{where}={url!r} is not an http(s) URL")
    return url if url.endswith("/") else url + "/"


def read_table(pyproject: Path) -> dict[str, object]:
    """``[tool.cnbudget]`` of ``pyproject`` (empty when the file or the table is not there)."""
    try:
        with pyproject.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        return {}
    table = data.get("tool", {}).get("cnbudget", {})
    if not isinstance(table, dict):
        raise TypeError(f"{pyproject}: [tool.cnbudget] is not a table")
    return table


def load_config(pyproject: Path = PYPROJECT, environ: Mapping[str, str] = os.environ) -> SiteConfig:
    """The settings from ``pyproject``'s ``[tool.cnbudget]``, the site URL overridden by ``CNBUDGET_SITE_URL``."""
    table = read_table(pyproject)
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise ValueError(f"{pyproject}: [tool.cnbudget] has no setting {', '.join(unknown)} (known: {', '.join(KEYS)})")
    values = {}
    for key in KEYS:
        value = table.get(key, "")
        if not isinstance(value, str):
            raise TypeError(f"{pyproject}: [tool.cnbudget] {key} must be a string")
        values[key] = value.strip()
    url = site_url(values["site_url"], f"{pyproject}: [tool.cnbudget] site_url")
    if environ.get(SITE_URL_VARIABLE, "").strip():
        url = site_url(environ[SITE_URL_VARIABLE], SITE_URL_VARIABLE)
    email = values["contact_email"]
    if email and not _EMAIL.fullmatch(email):
        raise ValueError(f"{pyproject}: [tool.cnbudget] contact_email={email!r} is not an email address")
    return SiteConfig(url, values["publisher"], values["contact_name"], email)
