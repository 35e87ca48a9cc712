"""`rhaglen build` with the languages side by side: one process each, then one site.

static-i18n builds the default language, then each other language in turn, in one
process. Here the pages of each language are written, then built, in a process of its
own (forked, so each starts with the loaded configuration and the checked programmes),
and the outputs are put together as static-i18n would have left them:

- the default language's build is the site; each other language's build goes into a
  hidden folder inside it (MkDocs empties a site folder, but never its dot-folders) and
  its `<lang>/` folder is moved into the site;
- the other language's 404 page, which its build writes at its root, goes to `<lang>/`;
- the sitemap lists the default language's pages, then each other language's;
- then, once, the open-data files and the search index.

The result is the same bytes as the one-process build (a test holds them equal).
"""

from __future__ import annotations

import gzip
import re
import shutil
import struct
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig

from .model.portfolio import Portfolio
from .side_by_side import side_by_side

ASIDE = ".rhaglen-languages"  # where the other languages are built, inside the site
_URLS = re.compile(r"(?s)(<urlset[^>]*>)(.*)(</urlset>)")


def build_languages(config: MkDocsConfig, portfolio: Portfolio) -> None:
    """Build every language of `config` into its `site_dir`, side by side."""
    plugin: Any = config.plugins["rhaglen"]
    i18n: Any = config.plugins["i18n"]
    site = Path(config.site_dir)
    plugin.write_pages(config, portfolio, side_by_side)
    default = i18n.default_language
    others = [lang for lang in i18n.build_languages if lang != default]
    side_by_side([_language_build(config, lang, default, site) for lang in [default, *others]])
    for lang in others:
        _move_in(site / ASIDE / lang, site, lang)
    shutil.rmtree(site / ASIDE, ignore_errors=True)
    plugin.publish(config)


def _language_build(config: MkDocsConfig, lang: str, default: str,
                    site: Path) -> Callable[[], None]:
    """A job that builds `lang` only (in a process of its own: it changes the plugins)."""
    def job() -> None:
        i18n: Any = config.plugins["i18n"]
        i18n.building = True  # as in static-i18n's own nested builds: this language only
        if lang != default:
            i18n.current_language = lang
            config["site_dir"] = str(site / ASIDE / lang)
        build(config)
    return job


def _move_in(built: Path, site: Path, lang: str) -> None:
    """Move the `lang` pages built in `built` into `site`, with its 404 page and sitemap."""
    (built / lang).rename(site / lang)
    if (built / "404.html").is_file():
        (built / "404.html").replace(site / lang / "404.html")
    ours, theirs = site / "sitemap.xml", built / "sitemap.xml"
    if ours.is_file() and theirs.is_file():
        merged = _merge_sitemaps(ours.read_text("utf-8"), theirs.read_text("utf-8"))
        ours.write_text(merged, encoding="utf-8")
        _gzip_like(site / "sitemap.xml.gz", built / "sitemap.xml.gz", merged)


def _merge_sitemaps(first: str, second: str) -> str:
    """`first` with the URLs of `second` after its own."""
    head, tail = _URLS.search(first), _URLS.search(second)
    if head is None or tail is None:
        return first
    return first[:head.end(2)] + tail.group(2).lstrip("\n") + first[head.start(3):]


def _gzip_like(target: Path, model: Path, text: str) -> None:
    """Write `text` gzipped to `target` with the timestamp of the gzip file `model`, as
    MkDocs would (it stamps the sitemap with the newest page's date)."""
    stamp = 0
    if model.is_file():
        stamp = struct.unpack("<I", model.read_bytes()[4:8])[0]
    with target.open("wb") as out, gzip.GzipFile(fileobj=out, filename=str(target), mode="wb",
                                                mtime=stamp) as packed:
        packed.write(text.encode("utf-8"))
