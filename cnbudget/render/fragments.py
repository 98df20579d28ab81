"""HTML that never goes through Markdown: stashed when a page is written, put back by an mkdocs hook.

A page's template marks each block of HTML it builds from the data (`{% filter html %}…{% endfilter %}`);
the block is kept aside in `<fragments>/<page>.md.json` and the Markdown holds only a placeholder
comment. Markdown then sees headings and placeholders alone, so nothing a document says can be read
as Markdown, and the (large) tables are not parsed twice. mkdocs loads this file as a hook
(`hooks:` in mkdocs.yml): `on_page_content` swaps the placeholders for the blocks.

Material's search plugin stays in mkdocs.yml only because Material's header shows the search box
(the site's own, `overrides/partials/search.html`) when it is enabled. Its index was never loaded
(the site searches `search/cnbudget.json`), but building it parsed every page again: a third of the
render. `on_config` takes its indexing out of the build (``search/search_index.json`` is no more),
and `on_page_content` drops the `data-search-*` attributes as the plugin did.

`on_post_page` folds the indentation and blank lines of the theme's templates (a tenth of a small
page) into one line break, which a browser renders exactly as it did the run it replaces; text in
`<pre>`, `<textarea>` and `<script>` is left as it is.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from markupsafe import Markup

FOLDER = "fragments"  # beside mkdocs.yml
PLACEHOLDER = re.compile(r"<!--cnbudget-fragment-(\d+)-->")
SEARCH_ATTRIBUTE = re.compile(r"\s?data-search-\w+(?:=\"[^\"]+\")?")  # read by Material's search plugin alone, whose indexing is off
SEARCH_PLUGIN = "material/search"
KEPT = re.compile(r"(<(pre|textarea|script)\b.*?</\2>)", re.DOTALL | re.IGNORECASE)  # whitespace that means something
BLANKS = re.compile(r"[ \t\r]*\n\s*")  # a run of white space holding a line break


class Fragments:
    """The blocks of one page, in the order the template gave them."""

    def __init__(self) -> None:
        self.blocks: list[str] = []

    def stash(self, html: str) -> Markup:
        """A placeholder for `html`, alone between blank lines so that Markdown passes it through."""
        self.blocks.append(str(html).strip())
        return Markup(f"\n\n<!--cnbudget-fragment-{len(self.blocks) - 1}-->\n\n")

    def write(self, folder: Path, source: str) -> None:
        """The blocks of the page whose Markdown is `source` (relative to the docs folder)."""
        path = folder / f"{source}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.blocks, ensure_ascii=False), encoding="utf-8")


def fill(html: str, blocks: list[str]) -> str:
    """`html` with every placeholder replaced by its block."""
    return PLACEHOLDER.sub(lambda m: blocks[int(m[1])], html)


def on_config(config: Any) -> Any:
    """mkdocs hook: Material's search plugin enabled (for its header's search box) but indexing nothing."""
    plugins = config.plugins
    plugin = plugins.get(SEARCH_PLUGIN)
    if plugin is not None:
        for event in ("page_context", "post_build"):
            plugins.events[event] = [m for m in plugins.events[event] if getattr(m, "__self__", None) is not plugin]
    return config


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """mkdocs hook: the page's HTML with its blocks back in place, without `data-search-*` attributes."""
    path = Path(config.config_file_path).parent / FOLDER / f"{page.file.src_uri}.json"
    if path.is_file():
        html = fill(html, json.loads(path.read_text(encoding="utf-8")))
    return SEARCH_ATTRIBUTE.sub("", html)


def fold_whitespace(html: str) -> str:
    """`html` with every run of white space that holds a line break made one line break, outside `KEPT` elements."""
    parts = KEPT.split(html)
    # split gives [text, element, its tag name, text, element, its tag name, ...]
    return "".join(BLANKS.sub("\n", part) if i % 3 == 0 else part for i, part in enumerate(parts) if i % 3 != 2)


def on_post_page(output: str, page: Any, config: Any) -> str:
    """mkdocs hook: the finished page with its template whitespace folded."""
    return fold_whitespace(output)
