"""The core is plain Python: it loads, checks and renders without MkDocs."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest
import rhaglen
from rhaglen.text.i18n import LANGUAGES, PLURAL_FORMS, catalogue

from .helpers import REPO

# The modules that drive MkDocs: the site build and the preview's builder. Every other
# module is the core, which another engine could drive.
ENGINE = {"rhaglen.site.build", "rhaglen.site.languages", "rhaglen.site.plugin",
          "rhaglen.site.export_data", "rhaglen.serve.builder", "rhaglen.serve.session"}
CORE = sorted(module.name for module in pkgutil.walk_packages(rhaglen.__path__, "rhaglen.")
              if module.name not in ENGINE)


@pytest.mark.build
def test_core_runs_with_mkdocs_blocked(tmp_path: Path) -> None:
    script = f"""
import sys
from datetime import date
from pathlib import Path
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "mkdocs" or name.startswith(("mkdocs.", "mkdocs_", "material")):
            raise ImportError("blocked: " + name)
sys.meta_path.insert(0, Block())
import {", ".join(CORE)}
from rhaglen.data.load import load_portfolio
from rhaglen.pages.generate import site_files
result = load_portfolio(Path({str(REPO / "programmes")!r}), date(2026, 11, 26))
files = site_files(result.portfolio, date(2026, 11, 26), ("cy", "en"), "cy")
print(len(files), sorted(m for m in sys.modules if m.startswith("mkdocs")))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    count, loaded = done.stdout.split(" ", 1)
    assert int(count) >= 40 and loaded.strip() == "[]"


def test_the_core_is_most_of_the_package() -> None:
    assert len(CORE) > 100 and "rhaglen.site.staging" in CORE and "rhaglen.cli" in CORE


def test_the_folders_are_layers_no_import_runs_upward() -> None:
    """import-linter's contract in pyproject.toml: the pipeline, bottom to top."""
    done = subprocess.run([str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
                          cwd=REPO, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 kept, 0 broken" in done.stdout


def test_every_folder_says_what_it_does_and_what_it_may_import() -> None:
    for init in sorted((REPO / "plugins" / "rhaglen").glob("*/__init__.py")):
        doc = init.read_text(encoding="utf-8").split('"""')[1]
        assert "import" in doc.lower(), init
    root = [path.name for path in (REPO / "plugins" / "rhaglen").glob("*.py")]
    assert sorted(root) == ["__init__.py", "cli.py"]


def test_catalogues_have_the_same_keys_in_every_language() -> None:
    keys = {lang: set(catalogue(lang)) for lang in LANGUAGES}
    assert keys["cy"] == keys["en"]


def test_no_catalogue_string_is_empty_or_a_copy_of_the_other_language() -> None:
    welsh, english = catalogue("cy"), catalogue("en")
    same = {k for k in welsh if welsh[k] == english[k] and isinstance(welsh[k], str)}
    # Welsh words that English shares, and strings that are only a format of figures.
    shared_words = {"site.name", "org_role.partner", "stakeholder_kind.partner",
                    "stakeholder_kind.staff", "issue_kind.problem"}
    formats = {"plan.value_on", "plan.legend_as_of", "plan.progress_figures", "risks.score",
               "risks.score_parts"}
    assert same == shared_words | formats
    assert all(welsh.values()) and all(english.values())


def test_plural_strings_have_the_forms_cldr_asks_for() -> None:
    from babel import Locale

    for lang, locale in (("cy", "cy"), ("en", "en")):
        needed = {form for form in PLURAL_FORMS
                  if any(Locale.parse(locale).plural_form(n) == form for n in range(0, 1000))}
        for key, value in catalogue(lang).items():
            if isinstance(value, dict):
                assert needed <= set(value), (lang, key)
