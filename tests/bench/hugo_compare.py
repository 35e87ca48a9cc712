"""Benchmark: Rhaglen's whole-site build against Hugo building the same bilingual pages.

Takes a built Rhaglen site (its output folder) or a programme count N; for N it makes a
portfolio as `build_time.py` does and builds it with `rhaglen build --as-of 2026-11-26`.
It then writes a Hugo project with one content file per built page and language (404
pages, `pagefind/` and `assets/` left out): an `.html` content file whose body is the
page's article (the HTML inside `<article class="md-content__inner ...">`, kept raw), with
the page's title, description and second-level headings in front matter. The project has
two languages, Welsh at the root and English under /en/, translations linked by their
shared path, and one layout carrying what the Material theme puts around the article:
head (stylesheets, alternates, a small script), header with logo, language switcher,
search box and its script, the five-link site nav, the page's table of contents, footer
and page config. Median page sizes of both outputs are printed to show they match.

Times `hugo --quiet --destination X` (median of 3 runs into fresh folders) and, with
`--rhaglen`, Rhaglen's build (median of 3; it includes Pagefind's search index, which the
Hugo site has no counterpart for): wall time, and CPU time as user + system from
`getrusage(RUSAGE_CHILDREN)` deltas. Needs `hugo` on PATH (Debian: `apt-get install hugo`);
without it, says so and exits 0. Prints; asserts nothing.

Usage: `python tests/bench/hugo_compare.py N|SITE_DIR [--rhaglen] [--project DIR]`.
Other bench scripts can call `hugo_seconds(site_dir)`.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_time import AS_OF, make_project, timed

RUNS = 3
LANGS = ("cy", "en")
SKIPPED_FOLDERS = {"pagefind", "assets"}
ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*)</article>', re.S)
TITLE = re.compile(r"<title>(.*?)</title>", re.S)
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')
HEADING = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.S)
TAG = re.compile(r"<[^>]+>")
SEARCH_WORDS = re.compile(r"const words = (\{.*?\});")
THEME_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)

# The site nav (paths from the root of each language) and the words around the article.
NAV = ("", "programmes/", "lessons/", "data/", "about/")
NAV_NAMES = {
    "cy": ("Hafan", "Rhaglenni", "Llyfrgell gwersi", "Data agored", "Ynghylch"),
    "en": ("Home", "Programmes", "Lessons library", "Open data", "About"),
}
WORDS = {
    "cy": {
        "navLabel": "Llywio", "header": "Pennawd", "toc": "Cynnwys tudalen",
        "skip": "Neidio i'r cynnwys", "select": "Dewiswch iaith", "search": "Chwilio",
        "repo": "Mynd i'r storfa", "top": "Nôl i'r brig",
        "copyright": "Rhaglen – rhaglenni marchnata cymdeithasol, yn agored ac yn ddwyieithog",
        "accessibility": "Datganiad hygyrchedd",
    },
    "en": {
        "navLabel": "Navigation", "header": "Header", "toc": "Table of contents",
        "skip": "Skip to content", "select": "Select language", "search": "Search",
        "repo": "Go to repository", "top": "Back to top",
        "copyright": "Rhaglen – social-marketing programmes, open and bilingual",
        "accessibility": "Accessibility statement",
    },
}

LOGO = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M12 8a3 3 0 0 0'
        ' 3-3 3 3 0 0 0-3-3 3 3 0 0 0-3 3 3 3 0 0 0 3 3m0 3.54C9.64 9.35 6.5 8 3 8v11c3.5 0'
        ' 6.64 1.35 9 3.54 2.36-2.19 5.5-3.54 9-3.54V8c-3.5 0-6.64 1.35-9 3.54"/></svg>')
TRANSLATE = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="m12.87'
             ' 15.07-2.54-2.51.03-.03A17.5 17.5 0 0 0 14.07 6H17V4h-7V2H8v2H1v2h11.17C11.5'
             ' 7.92 10.44 9.75 9 11.35 8.07 10.32 7.3 9.19 6.69 8h-2c.73 1.63 1.73 3.17 2.98'
             ' 4.56l-5.09 5.02L4 19l5-5 3.11 3.11zM18.5 10h-2L12 22h2l1.12-3h4.75L21 22h2zm-2.62'
             ' 7 1.62-4.33L19.12 17z"/></svg>')
GIT = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 448 512"><path d="M439.6 236.1'
       ' 244 40.5c-5.4-5.5-12.8-8.5-20.4-8.5s-15 3-20.4 8.4L162.5 81l51.5 51.5c27.1-9.1 52.7'
       ' 16.8 43.4 43.7l49.7 49.7c34.2-11.8 61.2 31 35.5 56.7-26.5 26.5-70.2-2.9-56-37.3L240.3'
       ' 199v121.9c25.3 12.5 22.3 41.8 9.1 55-6.4 6.4-15.2 10.1-24.3 10.1s-17.8-3.6-24.3-10.1c'
       '-17.6-17.6-11.1-46.9 11.2-56v-123c-20.8-8.5-24.6-30.7-18.6-45L142.6 101 8.5 235.1C3'
       ' 240.6 0 247.9 0 255.5s3 15 8.5 20.4l195.6 195.7c5.4 5.4 12.7 8.4 20.4 8.4s15-3'
       ' 20.4-8.4l194.7-194.7c5.4-5.4 8.4-12.8 8.4-20.4s-3-15-8.4-20.4"/></svg>')
UP = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M13 20h-2V8l-5.5'
      ' 5.5-1.42-1.42L12 4.16l7.92 7.92-1.42 1.42L13 8z"/></svg>')

BASEOF = """<!doctype html>
<html lang="{{ .Language.Lang }}" class="no-js">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width,initial-scale=1">
    {{ with .Description }}
      <meta name="description" content="{{ . }}">
    {{ end }}
    <link rel="canonical" href="{{ .Permalink }}">
    {{ range .AllTranslations }}
      <link rel="alternate" href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">
    {{ end }}
    <link rel="icon" href="{{ "assets/images/favicon.png" | absURL }}">
    <title>{{ if not .IsHome }}{{ .Title }} - {{ end }}{{ site.Title }}</title>
    <link rel="stylesheet" href="{{ "assets/stylesheets/main.css" | absURL }}">
    <link rel="stylesheet" href="{{ "assets/stylesheets/palette.css" | absURL }}">
    <link rel="stylesheet" href="{{ "stylesheets/rhaglen.css" | absURL }}">
    <script>__md_scope=new URL("{{ site.Home.RelPermalink }}",location),\
__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),\
__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),\
__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}\
catch(e){}}</script>
  </head>
  <body dir="ltr" data-md-color-scheme="default" data-md-color-primary="teal" \
data-md-color-accent="amber">
    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" \
autocomplete="off">
    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" \
autocomplete="off">
    <label class="md-overlay" for="__drawer"></label>
    <div data-md-component="skip">
      <a href="#content" class="md-skip">{{ site.Params.skip }}</a>
    </div>
    <header class="md-header md-header--shadow" data-md-component="header">
      <nav class="md-header__inner md-grid" aria-label="{{ site.Params.header }}">
        <a href="{{ site.Home.RelPermalink }}" title="{{ site.Title }}" \
class="md-header__button md-logo" aria-label="{{ site.Title }}" data-md-component="logo">
          @LOGO@
        </a>
        <div class="md-header__title" data-md-component="header-title">
          <div class="md-header__ellipsis">
            <div class="md-header__topic">
              <span class="md-ellipsis">{{ site.Title }}</span>
            </div>
            <div class="md-header__topic" data-md-component="header-topic">
              <span class="md-ellipsis">{{ .Title }}</span>
            </div>
          </div>
        </div>
        <div class="md-header__option">
          <div class="md-select">
            <button class="md-header__button md-icon" aria-label="{{ site.Params.select }}">
              @TRANSLATE@
            </button>
            <div class="md-select__inner">
              <ul class="md-select__list">
                {{ range .AllTranslations }}
                  <li class="md-select__item">
                    <a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}" \
class="md-select__link">
                      {{ .Language.LanguageName }}
                    </a>
                  </li>
                {{ end }}
              </ul>
            </div>
          </div>
        </div>
        <div class="rh-search" role="search" aria-label="{{ site.Params.search }}">
          <div id="rh-search" class="rh-search__box"></div>
        </div>
        <link rel="stylesheet" href="{{ "pagefind/pagefind-ui.css" | absURL }}">
        <script src="{{ "pagefind/pagefind-ui.js" | absURL }}"></script>
        <script>
          window.addEventListener("DOMContentLoaded", function () {
            if (typeof PagefindUI === "undefined") return;
            const words = {{ site.Params.searchWords | safeJS }};
            new PagefindUI({
              element: "#rh-search", bundlePath: "{{ "pagefind/" | absURL }}",
              showImages: false,
              showSubResults: false, resetStyles: false, excerptLength: 24,
              translations: words
            });
            const box = document.querySelector("#rh-search input");
            if (box) box.setAttribute("aria-label", words.search_label);
          });
        </script>
        <div class="md-header__source">
          @SOURCE@
        </div>
      </nav>
    </header>
    <div class="md-container" data-md-component="container">
      <main class="md-main" data-md-component="main">
        <div class="md-main__inner md-grid">
          <div class="md-sidebar md-sidebar--primary" data-md-component="sidebar" \
data-md-type="navigation">
            <div class="md-sidebar__scrollwrap">
              <div class="md-sidebar__inner">
                <nav class="md-nav md-nav--primary" aria-label="{{ site.Params.navLabel }}" \
data-md-level="0">
                  <label class="md-nav__title" for="__drawer">
                    <a href="{{ site.Home.RelPermalink }}" title="{{ site.Title }}" \
class="md-nav__button md-logo" aria-label="{{ site.Title }}" data-md-component="logo">
                      @LOGO@
                    </a>
                    {{ site.Title }}
                  </label>
                  <div class="md-nav__source">
                    @SOURCE@
                  </div>
                  <ul class="md-nav__list" data-md-scrollfix>
                    {{ $here := . }}
                    {{ range site.Menus.main }}
                      <li class="md-nav__item">
                        <a href="{{ .URL }}" class="md-nav__link\
{{ if $here.IsMenuCurrent "main" . }} md-nav__link--active{{ end }}">
                          <span class="md-ellipsis">
                            {{ .Name }}
                          </span>
                        </a>
                      </li>
                    {{ end }}
                  </ul>
                </nav>
              </div>
            </div>
          </div>
          {{ with .Params.toc }}
          <div class="md-sidebar md-sidebar--secondary" data-md-component="sidebar" \
data-md-type="toc">
            <div class="md-sidebar__scrollwrap">
              <div class="md-sidebar__inner">
                <nav class="md-nav md-nav--secondary" aria-label="{{ site.Params.toc }}">
                  <label class="md-nav__title" for="__toc">
                    <span class="md-nav__icon md-icon"></span>
                    {{ site.Params.toc }}
                  </label>
                  <ul class="md-nav__list" data-md-component="toc" data-md-scrollfix>
                    {{ range . }}
                      <li class="md-nav__item">
                        <a href="#{{ .id }}" class="md-nav__link">
                          <span class="md-ellipsis">
                            {{ .text }}
                          </span>
                        </a>
                      </li>
                    {{ end }}
                  </ul>
                </nav>
              </div>
            </div>
          </div>
          {{ end }}
          <div class="md-content" data-md-component="content">
            <article class="md-content__inner md-typeset" id="content">
              {{ block "main" . }}{{ end }}
            </article>
          </div>
        </div>
        <button type="button" class="md-top md-icon" data-md-component="top" hidden>
          @UP@
          {{ site.Params.top }}
        </button>
      </main>
      <footer class="md-footer">
        <div class="md-footer-meta md-typeset">
          <div class="md-footer-meta__inner md-grid">
            <div class="md-copyright">
              <div class="md-copyright__highlight">
                {{ site.Params.copyright }}
              </div>
              <a class="rh-footer-link" href="{{ "accessibility/" | relLangURL }}">\
{{ site.Params.accessibility }}</a>
            </div>
          </div>
        </div>
      </footer>
    </div>
    <div class="md-dialog" data-md-component="dialog">
      <div class="md-dialog__inner md-typeset"></div>
    </div>
    <script id="__config" type="application/json">{{ site.Params.config | safeJS }}</script>
    <script src="{{ "assets/javascripts/bundle.js" | absURL }}"></script>
  </body>
</html>
"""
SOURCE = (f'<a href="https://github.com/rhaglen/rhaglen" title="{{{{ site.Params.repo }}}}" '
          f'class="md-source"><div class="md-source__icon md-icon">{GIT}</div>'
          '<div class="md-source__repository">GitHub</div></a>')
for _name, _svg in (("SOURCE", SOURCE), ("LOGO", LOGO), ("TRANSLATE", TRANSLATE), ("UP", UP)):
    BASEOF = BASEOF.replace(f"@{_name}@", _svg)
MAIN = '{{ define "main" }}{{ .Content }}{{ end }}\n'


def pages(site: Path, lang: str) -> list[Path]:
    """The folders (relative to the language's root) of the built HTML pages in `lang`."""
    root = site / "en" if lang == "en" else site
    found = []
    for page in root.rglob("index.html"):
        folder = page.parent.relative_to(root)
        top = folder.parts[0] if folder.parts else ""
        if top in SKIPPED_FOLDERS or (lang != "en" and top == "en"):
            continue
        found.append(folder)
    return sorted(found)


def _text(fragment: str) -> str:
    return html.unescape(TAG.sub("", fragment)).strip()


def content_file(page: Path) -> str:
    """A Hugo content file for the built `page`: its title, description and headings in
    front matter, its article's HTML as the body."""
    text = page.read_text("utf-8")
    article = ARTICLE.search(text)
    if article is None:
        raise SystemExit(f"no <article class=\"md-content__inner\"> in {page}")
    found = TITLE.search(text)
    title = _text(found[1]).rsplit(" - ", 1)[0] if found else ""  # less " - Rhaglen"
    description = DESCRIPTION.search(text)
    toc = [{"id": m.group(1), "text": _text(m.group(2))} for m in HEADING.finditer(article[1])]
    front: dict[str, object] = {"title": title, "toc": toc}
    if description:
        front["description"] = html.unescape(description[1])
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in front.items()]
    return "---\n" + "\n".join(lines) + "\n---\n" + article[1]


def theme_words(site: Path, lang: str) -> dict[str, str]:
    """The search box's words and the theme's page config (JSON, as the built home page in
    `lang` carries them), for the layout to carry as well."""
    home = (site / "en" if lang == "en" else site) / "index.html"
    text = home.read_text("utf-8")
    words, config = SEARCH_WORDS.search(text), THEME_CONFIG.search(text)
    return {"searchWords": words[1] if words else "{}", "config": config[1] if config else "{}"}


def make_hugo_project(site: Path, project: Path) -> int:
    """Write into `project` a Hugo site with the pages of the built Rhaglen `site`;
    returns the number of content files (both languages)."""
    count = 0
    for lang in LANGS:
        folders = pages(site, lang)
        branches = {parent for folder in folders for parent in folder.parents}
        for folder in folders:
            built = (site / "en" if lang == "en" else site) / folder / "index.html"
            name = "_index.html" if folder in branches else "index.html"
            target = project / "content" / lang / folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content_file(built), "utf-8")
            count += 1
    languages = {
        lang: {
            "languageName": {"cy": "Cymraeg", "en": "English"}[lang],
            "weight": weight,
            "contentDir": f"content/{lang}",
            "title": "Rhaglen",
            "params": WORDS[lang] | theme_words(site, lang),
            "menus": {"main": [{"name": name, "pageRef": "/" + path.rstrip("/"), "weight": i}
                               for i, (name, path) in enumerate(zip(NAV_NAMES[lang], NAV,
                                                                    strict=True), start=1)]},
        }
        for weight, lang in enumerate(LANGS, start=1)
    }
    config = {
        "baseURL": "https://rhaglen.example.org/",
        "defaultContentLanguage": "cy",
        "defaultContentLanguageInSubdir": False,
        "disableKinds": ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"],
        "markup": {"goldmark": {"renderer": {"unsafe": True}}},
        "languages": languages,
    }
    (project / "config.json").write_text(json.dumps(config, ensure_ascii=False, indent=1))
    layouts = project / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (layouts / "baseof.html").write_text(BASEOF, "utf-8")
    (layouts / "single.html").write_text(MAIN, "utf-8")
    (layouts / "list.html").write_text(MAIN, "utf-8")
    return count


def wall_and_cpu(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, with its children) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall, _ = timed(command, cwd)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def medians(runs: Sequence[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def time_hugo(project: Path, out: Path) -> tuple[float, float]:
    """Median wall and CPU seconds of `hugo --quiet --destination` on `project`; the last
    run's output is left in `out`."""
    runs = []
    for i in range(RUNS):
        destination = out if i == RUNS - 1 else out.with_name(f"{out.name}-{i}")
        runs.append(wall_and_cpu(["hugo", "--quiet", "--destination", str(destination)],
                                 project))
        if destination != out:
            shutil.rmtree(destination)
    return medians(runs)


def hugo_seconds(site_dir: Path) -> tuple[float, float] | None:
    """Median wall and CPU seconds of Hugo building the pages of the built Rhaglen site in
    `site_dir`, or None when `hugo` is not on PATH."""
    if shutil.which("hugo") is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "hugo"
        make_hugo_project(site_dir, project)
        return time_hugo(project, Path(tmp) / "public")


def page_sizes(site: Path) -> list[int]:
    return [(site / ("en" if lang == "en" else "") / folder / "index.html").stat().st_size
            for lang in LANGS for folder in pages(site, lang)]


def rhaglen_build(project: Path, site: Path) -> tuple[float, float]:
    rhaglen = str(Path(sys.executable).with_name("rhaglen"))
    return wall_and_cpu([rhaglen, "build", "--as-of", AS_OF, "-d", str(site)], project)


def _seconds(times: tuple[float, float] | None) -> str:
    return "not timed (add --rhaglen)" if times is None else \
        f"{times[0]:7.2f} s wall {times[1]:7.2f} s CPU"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("source", help="a programme count, or a built Rhaglen site folder")
    parser.add_argument("--rhaglen", action="store_true",
                        help=f"also time Rhaglen's build (median of {RUNS})")
    parser.add_argument("--project", type=Path,
                        help="the project a given site was built from, for --rhaglen "
                             "(default: the site folder's parent)")
    args = parser.parse_args(argv)
    hugo = shutil.which("hugo")
    if hugo is None:
        print("hugo is not on PATH (Debian: apt-get install hugo); nothing compared.")
        return 0
    version = subprocess.run([hugo, "version"], capture_output=True, text=True,
                             check=False).stdout.split(" BuildDate")[0].strip()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        rhaglen: tuple[float, float] | None = None
        if args.source.isdigit():
            project = make_project(tmp, int(args.source))
            site = project / "site"
            builds = [rhaglen_build(project, site) for _ in range(RUNS if args.rhaglen else 1)]
            rhaglen = medians(builds) if args.rhaglen else None
        else:
            site = Path(args.source).resolve()
            if not (site / "index.html").is_file():
                raise SystemExit(f"{site} is not a built site (no index.html)")
            if args.rhaglen:
                project = (args.project or site.parent).resolve()
                if not (project / "mkdocs.yml").is_file():
                    raise SystemExit(f"no mkdocs.yml in {project}: give --project")
                rhaglen = medians([rhaglen_build(project, tmp / "rhaglen-site")
                                   for _ in range(RUNS)])
        programmes = sum(1 for p in (site / "programmes").glob("*/index.html"))
        hugo_project = tmp / "hugo"
        made = make_hugo_project(site, hugo_project)
        output = tmp / "public"
        hugo_times = time_hugo(hugo_project, output)
        # Hugo adds one redirect, /cy/ to /: not a page.
        hugo_pages = [p for p in output.rglob("index.html")
                      if 'http-equiv="refresh"' not in p.read_text("utf-8")]
        linked = sum(1 for p in hugo_pages
                     if p.read_text("utf-8").count('class="md-select__link"') == len(LANGS))
        ours = page_sizes(site)
        print(f"{version}; {os.cpu_count()} cores; as of {AS_OF}; medians of {RUNS} runs")
        print(f"{'programmes':<18}{programmes}")
        print(f"{'pages':<18}Rhaglen {len(ours)}, Hugo {len(hugo_pages)} "
              f"(from {made} content files; {linked} with both language links)")
        print(f"{'median page':<18}Rhaglen {statistics.median(ours) / 1024:.1f} KiB, "
              f"Hugo {statistics.median(p.stat().st_size for p in hugo_pages) / 1024:.1f} KiB")
        print(f"{'Rhaglen build':<18}{_seconds(rhaglen)}")
        print(f"{'Hugo build':<18}{_seconds(hugo_times)}")
        if rhaglen is not None:
            print(f"{'Rhaglen / Hugo':<18}{rhaglen[0] / hugo_times[0]:7.1f} x wall "
                  f"{rhaglen[1] / hugo_times[1]:7.1f} x CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
