"""`rhaglen build` and `mkdocs build`: valid or nothing, atomic, reproducible."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from rhaglen.site.build import build_site

from ..edits import WALK, edit
from ..helpers import AS_OF

DAY = date.fromisoformat(AS_OF)


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.build
def test_invalid_data_leaves_the_previous_site_untouched(project: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    site = project / "site"
    assert build_site(project / "mkdocs.yml", site, DAY) == 0
    before = snapshot(site)
    edit(project / "programmes" / WALK / "risks.yml", "    response: exploit",
         "    response: reduce")
    capsys.readouterr()
    assert build_site(project / "mkdocs.yml", site, DAY) == 1
    out = capsys.readouterr()
    assert f"programmes/{WALK}/risks.yml:37:15: risks[1].response:" in out.out
    assert "was not changed" in out.err
    assert snapshot(site) == before
    assert sorted(p.name for p in project.iterdir()) == sorted(
        ["docs", "mkdocs.yml", "overrides", "programmes", "site"])  # no staging left behind


@pytest.mark.build
def test_a_failure_inside_mkdocs_leaves_the_previous_site_untouched(
        project: Path, capfd: pytest.CaptureFixture[str]) -> None:
    site = project / "site"
    assert build_site(project / "mkdocs.yml", site, DAY) == 0
    before = snapshot(site)
    capfd.readouterr()
    (project / "docs" / "about.md").write_text("# Ynghylch\n\n[dolen](nowhere.md)\n",
                                               encoding="utf-8")
    assert build_site(project / "mkdocs.yml", site, DAY) == 1  # strict: a broken link aborts
    err = capfd.readouterr().err  # the language builds run in processes of their own
    assert "was not changed" in err
    assert snapshot(site) == before
    warnings = [line for line in err.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 1 and "nowhere.md" in warnings[0], err


@pytest.mark.build
def test_mkdocs_build_strict_refuses_invalid_data_before_writing(project: Path) -> None:
    site = project / "site"
    site.mkdir()
    (site / "old.html").write_text("old site", encoding="utf-8")
    edit(project / "programmes" / WALK / "programme.yml", "stage: implementing", "stage: nope")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
                          cwd=project, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 1
    assert f"programmes/{WALK}/programme.yml:16:8: stage: 'nope' is not one of" in done.stderr
    assert "Traceback" not in done.stderr
    assert [p.name for p in site.iterdir()] == ["old.html"]


@pytest.mark.build
def test_same_inputs_and_as_of_date_give_the_same_bytes(project: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert build_site(project / "mkdocs.yml", project / "one", DAY) == 0
    assert build_site(project / "mkdocs.yml", project / "two", DAY) == 0
    one, two = snapshot(project / "one"), snapshot(project / "two")
    assert one == two
    assert len(one) > 20


@pytest.mark.build
def test_the_as_of_date_comes_from_source_date_epoch(project: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    latest = max(p.stem for p in (project / "programmes").glob("*/updates/*.yml"))
    day = datetime.combine(date.fromisoformat(latest), time(), tzinfo=UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(day.timestamp())))
    assert build_site(project / "mkdocs.yml", project / "site") == 0
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(day.timestamp()) - 86400))
    assert build_site(project / "mkdocs.yml", project / "site") == 1  # that update is "future"
