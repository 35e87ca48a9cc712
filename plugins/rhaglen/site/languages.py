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
import logging
import re
import shutil
import struct
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from ..model.portfolio import Portfolio
from ..pages.generate import GENERATED_ROOTS
from ..render.pages import Page as SitePage
from .side_by_side import side_by_side

ASIDE = ".rhaglen-languages"  # where the other languages are built, inside the site
_URLS = re.compile(r"(?s)(<urlset[^>]*>)(.*)(</urlset>)")


def build_languages(config: MkDocsConfig, portfolio: Portfolio,
                    kept: Callable[[SitePage], bool] | None = None, dirty: bool = False,
                    publish: bool = True) -> None:
    """Build every language of `config` into its `site_dir`, side by side, then (unless
    not to `publish`: the preview shows the pages first) the open data and search index.

    `dirty` (the preview) builds over the site already there, rendering again only the
    pages whose source changed, and the pages every page's menu names (`_rebuilt`);
    `kept` says which generated pages need not be rendered again (`write_pages`).
    """
    plugin: Any = config.plugins["rhaglen"]
    i18n: Any = config.plugins["i18n"]
    site = Path(config.site_dir)
    removed = plugin.write_pages(config, portfolio, side_by_side, kept)
    default = i18n.default_language
    others = [lang for lang in i18n.build_languages if lang != default]
    if dirty:
        _forget(site, removed, default)
        shutil.rmtree(site / ASIDE, ignore_errors=True)  # what a failed build left
        for lang in others:  # its build writes straight into the pages on show
            (site / lang).mkdir(exist_ok=True)
            (site / ASIDE / lang).mkdir(parents=True, exist_ok=True)
            (site / ASIDE / lang / lang).symlink_to(Path("..", "..", lang),
                                                    target_is_directory=True)
    side_by_side([_language_build(config, lang, default, site, dirty)
                  for lang in [default, *others]])
    for lang in others:
        _move_in(site / ASIDE / lang, site, lang)
    shutil.rmtree(site / ASIDE, ignore_errors=True)
    if publish:
        plugin.publish(config)


def _language_build(config: MkDocsConfig, lang: str, default: str, site: Path,
                    dirty: bool) -> Callable[[], None]:
    """A job that builds `lang` only (in a process of its own: it changes the plugins)."""
    def job() -> None:
        i18n: Any = config.plugins["i18n"]
        i18n.building = True  # as in static-i18n's own nested builds: this language only
        if lang != default:
            i18n.current_language = lang
            config["site_dir"] = str(site / ASIDE / lang)
        if dirty:  # for this process only, which ends with the build
            File.is_modified = _rebuilt  # type: ignore[method-assign,assignment]
            logging.getLogger("mkdocs.commands.build").addFilter(_not_dirty_warning)
        build(config, dirty=dirty)
    return job


_is_modified = File.is_modified


def _not_dirty_warning(record: logging.LogRecord) -> bool:
    """MkDocs warns that a dirty build's menus may be wrong: `_rebuilt` keeps them right."""
    return "'dirty' build" not in record.getMessage()


def _rebuilt(file: File) -> bool:
    """In a dirty build, whether to read and write `file` again: if its source is newer
    than its page, and always for a written page or a site-wide generated one, whose
    titles every page's menu shows (MkDocs reads no title from a page it skips)."""
    generated = file.src_uri.startswith(tuple(f"{root}/" for root in GENERATED_ROOTS))
    site_wide = not generated or file.src_uri.startswith(("programmes/index", "lessons/"))
    return (file.is_documentation_page() and site_wide) or _is_modified(file)


def _forget(site: Path, removed: list[str], default: str) -> None:
    """Delete the built pages of the generated pages just removed from the docs tree."""
    for source in removed:
        folder, _, name = source.rpartition("/")
        lang = name.removeprefix("index").removesuffix(".md").lstrip(".") or default
        built = site / ("" if lang == default else lang) / folder / "index.html"
        built.unlink(missing_ok=True)


def _move_in(built: Path, site: Path, lang: str) -> None:
    """Move the `lang` pages built in `built` into `site`, with its 404 page and sitemap."""
    if (built / lang).is_symlink():  # a dirty build wrote through it into `site / lang`
        (built / lang).unlink()
    else:
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
