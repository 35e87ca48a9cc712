"""Hostile text in every Text field reaches every page kind, and nowhere runs."""

from __future__ import annotations

import gzip
import json
import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from rhaglen.data.load import load_portfolio
from rhaglen.render.markup import css_string
from rhaglen.site.build import build_site

from ..helpers import parse, walk

PAYLOAD = "<script>alert('rh1')</script> \"><img src=x onerror=alert('rh2')> " \
          "{: onclick=\"alert('rh3')\" }"
RAW = ["<script>alert('rh1')", "<img src=x onerror"]
CANARY = "CANARY-internal-9d41"
TEXT_LINE = re.compile(r"^(\s*(?:- )?(?:cy|en|name|citation|reference): )(.+)$")


def poison(programmes: Path) -> int:
    """Append the payload to every one-line text value; returns how many were changed."""
    changed = 0
    for path in sorted(programmes.rglob("*.yml")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            match = TEXT_LINE.match(line)
            if not match or match.group(2).strip() in ("|", ">", "|-", ">-"):
                continue
            value = yaml.safe_load(match.group(2))
            if isinstance(value, str):
                lines[i] = match.group(1) + json.dumps(f"{value} {PAYLOAD}", ensure_ascii=False)
                changed += 1
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return changed


def revert_prose(programmes: Path, originals: dict[Path, list[str]]) -> None:
    """Prose refuses the payload (raw HTML): put back each line validation points at."""
    for _ in range(3):
        result = load_portfolio(programmes, date(2026, 11, 26))
        if result.portfolio is not None:
            return
        for problem in result.problems:
            path = (Path.cwd() / problem.path).resolve()
            lines = path.read_text(encoding="utf-8").splitlines()
            lines[problem.line - 1] = originals[path][problem.line - 1]
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    raise AssertionError("payload could not be placed")


@pytest.mark.build
def test_hostile_text_is_escaped_everywhere_it_lands(project: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(project)
    programmes = project / "programmes"
    originals = {p.resolve(): p.read_text(encoding="utf-8").splitlines()
                 for p in programmes.rglob("*.yml")}
    assert poison(programmes) > 300
    revert_prose(programmes, originals)
    with (programmes / "cerdded-i-r-ysgol" / "plan.yml").open("a", encoding="utf-8") as f:
        f.write(f"internal:\n  note: {CANARY}\n")
    assert build_site(project / "mkdocs.yml", project / "site", date(2026, 11, 26)) == 0

    escaped_seen = 0
    for path in sorted((project / "site").rglob("*")):
        if not path.is_file() or path.suffix in (".png", ".ico", ".svg", ".woff2", *BINARY):
            continue
        data = path.read_bytes()
        gzipped = path.suffix == ".gz"
        packed = path.suffix == ".pf_fragment"  # a search fragment: gzip of JSON
        text = (gzip.decompress(data) if gzipped or packed else data).decode("utf-8")
        assert CANARY not in text, path
        if path.relative_to(project / "site").parts[0] == "data" or (packed and not gzipped):
            continue  # data files hold text as written, for programs to read: see test_export_*;
            # so do search fragments, which pagefind.js escapes ("<" → "&lt;") before showing
        for raw in RAW:
            assert raw not in text, (path, raw)
        if path.suffix == ".html":
            escaped_seen += text.count("&lt;script&gt;alert(&#39;rh1&#39;)") + text.count(
                "&lt;script&gt;alert(&#x27;rh1&#x27;)")
            for element in walk(parse(text)):
                handlers = [k for k in element.attrs if k.startswith("on")]
                assert not handlers, (path, element.name, handlers)
                assert not (element.name == "img" and element.attrs.get("src") == "x"), path
        if path.suffix == ".json":
            strings = re.findall(r'"((?:[^"\\]|\\.)*)"', text)
            for value in strings:
                decoded = json.loads(f'"{value}"')
                assert "<script" not in decoded and "<img" not in decoded, (path, decoded[:80])
    assert escaped_seen > 100  # the payload did reach the pages, as text

    titles = (project / "site" / "en" / "programmes" / "cerdded-i-r-ysgol" / "plan" /
              "index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", titles, flags=re.S)
    assert title is not None and "&lt;script&gt;" in title.group(1)
    fragments = [gzip.decompress(p.read_bytes()).decode("utf-8")
                 for p in (project / "site" / "pagefind" / "fragment").iterdir()]
    assert any("<script>alert('rh1')" in fragment for fragment in fragments)  # text, found


# Pagefind's compressed word index and WebAssembly: no text a reader wrote, as such.
BINARY = (".pf_index", ".pf_meta", ".pagefind")


def test_text_for_a_css_string_cannot_close_it() -> None:
    escaped = css_string('Cau"; } </style><script>alert(1)</script> ŵ')
    assert set(escaped) <= set("0123456789abcdefABCDEFGHIJKLMNOPQRSTUVWXYZghijklmnopqrstuvwxyz\\")
    assert escaped.startswith("Cau\\000022\\00003b\\000020") and escaped.endswith("\\000175")
