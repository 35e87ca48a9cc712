"""`rhaglen export` writes the open data without building the site, and the site build
publishes the very same files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from rhaglen.cli import main
from rhaglen.data.load import load_portfolio
from rhaglen.export import ExportSettings, export_files

from ..edits import WALK, edit
from ..helpers import AS_OF
from ..view_helpers import demo

SETTINGS = ExportSettings(site_url="https://rhaglen.example.org/")  # as in mkdocs.yml


def export(project: Path, folder: Path) -> int:
    return main(["export", "-f", str(project / "mkdocs.yml"), "-d", str(folder),
                 "--as-of", AS_OF])


def written(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def test_export_writes_every_open_data_file_as_the_core_gives_it(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert export(project, tmp_path / "out") == 0
    portfolio = load_portfolio(project / "programmes", date.fromisoformat(AS_OF)).portfolio
    assert portfolio is not None
    expected = export_files(portfolio, date.fromisoformat(AS_OF), SETTINGS)
    assert written(tmp_path / "out") == expected
    assert "data/datapackage.json" in expected and f"data/programmes/{WALK}/risks.csv" in expected
    assert f"Exported {len(expected)} files into" in capsys.readouterr().err


def test_export_replaces_an_earlier_export_whole(project: Path, tmp_path: Path) -> None:
    assert export(project, tmp_path / "out") == 0
    stale = tmp_path / "out" / "data" / "programmes" / "gone" / "risks.csv"
    stale.parent.mkdir(parents=True)
    stale.write_text("programme\r\ngone\r\n", encoding="utf-8")
    assert export(project, tmp_path / "out") == 0
    assert not stale.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "project"]


def test_export_refuses_invalid_data_and_writes_nothing(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project / "programmes" / WALK / "programme.yml", "stage: implementing", "stage: done")
    assert export(project, tmp_path / "out") == 1
    assert not (tmp_path / "out").exists()
    out, err = capsys.readouterr()
    assert "stage: 'done' is not one of" in out
    assert "1 problem(s) found" in err


def test_export_refuses_a_source_folder_or_a_folder_holding_something_else(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert export(project, project / "programmes") == 2
    assert "is, holds or sits inside the source folder" in capsys.readouterr().err
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "todo.txt").write_text("keep me", encoding="utf-8")
    assert export(project, notes) == 2
    assert "does not hold an earlier export (no data/datapackage.json)" in \
        capsys.readouterr().err
    assert written(notes) == {"todo.txt": b"keep me"}


def test_the_built_site_publishes_the_same_tables_and_data_package(demo_site: Path) -> None:
    expected = export_files(demo(), date.fromisoformat(AS_OF), SETTINGS)
    tables = {path: data for path, data in expected.items() if path.startswith("data/")}
    assert "data/datapackage.json" in tables
    assert {path: (demo_site / path).read_bytes() for path in tables} == tables
