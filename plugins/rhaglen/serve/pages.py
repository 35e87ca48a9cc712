"""The pages the preview serves when it has no site to show, and its reload script.

When the last build failed, every address answers with the lines that stopped it,
escaped, inside the words of the requested page's language (Welsh at the root, English
under /en/). Every page the preview serves reloads itself when a newer build is ready.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from ..text.i18n import LANGUAGES, Strings

GENERATION_PATH = "/__rhaglen__/generation"  # answers the number of the build shown now

_RELOAD = """<script>
(function () {
  var shown = "GENERATION";
  setInterval(function () {
    fetch("PATH", {cache: "no-store"})
      .then(function (answer) { return answer.text(); })
      .then(function (now) { if (now !== shown) { location.reload(); } })
      .catch(function () {});
  }, 1000);
})();
</script>
"""

_PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<noscript><meta http-equiv="refresh" content="3"></noscript>
<title>{title} – {site}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem;
        padding: 0 1rem; line-height: 1.5; color: #1a1a1a; }}
h1 {{ font-size: 1.6rem; }}
pre {{ white-space: pre-wrap; overflow-wrap: anywhere; background: #fff4e5;
       border-left: 4px solid #b35c00; padding: 1rem; }}
</style>
</head>
<body>
<main>
<h1>{title}</h1>
<p>{help}</p>
{lines}</main>
{script}</body>
</html>
"""


def reload_script(generation: int) -> str:
    """A script that reloads the page once the preview shows another build than `generation`."""
    return _RELOAD.replace("GENERATION", str(generation)).replace("PATH", GENERATION_PATH)


def page_language(path: str, default: str) -> str:
    """The language of a URL path: the one its first folder names, else the default."""
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in LANGUAGES and first != default else default


def _page(lang: str, title: str, help_text: str, lines: Sequence[str], generation: int) -> str:
    t = Strings(lang)
    shown = "".join(html.escape(line) + "\n" for line in lines)
    return _PAGE.format(lang=lang, title=html.escape(t(title)), site=html.escape(t("site.name")),
                        help=html.escape(t(help_text)),
                        lines=f"<pre>{shown}</pre>\n" if lines else "",
                        script=reload_script(generation))


def problem_page(lines: Sequence[str], lang: str, generation: int) -> str:
    """The page shown at every address while the last build failed: its problem lines."""
    return _page(lang, "preview.failed", "preview.failed_help", lines, generation)


def building_page(lang: str, generation: int) -> str:
    """The page shown before the first build is done."""
    return _page(lang, "preview.building", "preview.building_help", (), generation)
