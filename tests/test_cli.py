"""The `rhaglen` command as a team member uses it in a pull request."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rhaglen.cli import main

from .edits import WALK, edit

ENUM_VALUES = re.compile(
    r"^(\s*(?:-\s+)?(?:type|stage|role|kind|engagement|level|direction|source|category|quality|"
    r"mix|function|scope|response|status|priority|rag|met|decision)):\s+([a-z-]+)\s*$")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "rhaglen.cli", *args], cwd=cwd,
                          capture_output=True, text=True, check=False)


@pytest.mark.build
def test_validate_exits_0_on_the_demo_data(project: Path) -> None:
    done = run("validate", "programmes", "--as-of", "2026-11-26", cwd=project)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == ""
    assert "2 programme(s), valid." in done.stderr


@pytest.mark.build
def test_validate_exits_1_with_problem_lines(project: Path) -> None:
    edit(project / "programmes" / WALK / "programme.yml", "stage: implementing", "stage: done")
    done = run("validate", "--as-of", "2026-11-26", cwd=project)
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        f"programmes/{WALK}/programme.yml:16:8: stage: 'done' is not one of: scoping, "
        "developing, piloting, implementing, evaluating, following-up, closed"]
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("args", [["validate", "no-such-folder"], ["frobnicate"],
                                  ["validate", "--as-of", "yesterday"]])
@pytest.mark.build
def test_usage_errors_exit_2(project: Path, args: list[str]) -> None:
    assert run(*args, cwd=project).returncode == 2


def _enum_lines(programmes: Path) -> list[tuple[Path, int, str]]:
    """One line for each enum key and value of each kind of file (the first place written)."""
    found = []
    seen: set[tuple[str, str, str]] = set()
    for path in sorted(programmes.rglob("*.yml")):
        kind = "update" if path.parent.name == "updates" else path.name
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            match = ENUM_VALUES.match(line)
            if match and match.group(2) not in ("true", "false"):
                key = (kind, line.split(":")[0].strip(" -"), match.group(2))
                if key not in seen:
                    seen.add(key)
                    found.append((path, number, line))
    return found


@pytest.mark.build
def test_any_enum_typo_gives_exactly_one_line_pointing_at_it(project: Path,
                                                             monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]
                                                             ) -> None:
    monkeypatch.chdir(project)
    programmes = project / "programmes"
    lines = _enum_lines(programmes)
    assert len(lines) > 60  # every enum value of every kind of file in the demo programmes
    for path, number, line in lines:
        original = path.read_text(encoding="utf-8")
        edited = original.splitlines()
        typo = edited[number - 1] = line.rstrip() + "x"
        path.write_text("\n".join(edited) + "\n", encoding="utf-8")
        try:
            assert main(["validate", "programmes", "--as-of", "2026-11-26"]) == 1
            out = capsys.readouterr().out.splitlines()
            where = f"{path.relative_to(project).as_posix()}:{number}:"
            assert len(out) == 1 and out[0].startswith(where), (typo, out)
        finally:
            path.write_text(original, encoding="utf-8")


def test_schema_writes_one_schema_per_file_kind(tmp_path: Path) -> None:
    assert main(["schema", "-o", str(tmp_path)]) == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted([
        "compliance.schema.json", "evaluation.schema.json", "export.schema.json",
        "lessons.schema.json",
        "pilot.schema.json", "plan.schema.json", "programme.schema.json", "risks.schema.json",
        "strategy.schema.json", "sustainability.schema.json", "tags.schema.json",
        "update.schema.json"])
    programme = json.loads((tmp_path / "programme.schema.json").read_text(encoding="utf-8"))
    assert programme["additionalProperties"] is False
    assert programme["properties"]["stage"]["enum"][0] == "scoping"
    assert "internal" in programme["properties"]
    assert set(programme["required"]) >= {"title", "summary", "type", "stage", "lead"}


def test_new_scaffolds_a_programme_that_validates_once_filled_in(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["new", "rhaglen-newydd"]) == 0
    capsys.readouterr()
    assert main(["validate", "--as-of", "2026-11-26"]) == 1
    placeholders = capsys.readouterr().out.splitlines()
    assert len(placeholders) >= 15
    assert all(line.startswith("programmes/rhaglen-newydd/programme.yml:") for line in placeholders)
    path = tmp_path / "programmes" / "rhaglen-newydd" / "programme.yml"
    filled = []
    for line in path.read_text(encoding="utf-8").splitlines():
        key = line.split("#")[0].rstrip()
        value = {"type:": "campaign", "stage:": "scoping", "start:": "2026-01-01",
                 "end:": "2027-06-30", "lead:": "cyngor", "- id:": "x"}.get(key.strip())
        if value is not None:
            value = "cyngor" if "organisations" in "\n".join(filled[-3:]) else value
            filled.append(f"{key} {value}")
        elif key.endswith(("cy:", "en:")):
            filled.append(f"{key} Testun / text")
        elif key.strip() in ("name:", "contact:") and "name" in key and "organisations" in (
                "\n".join(filled[-3:])):
            filled.append(f"{key} Cyngor")
        elif key.strip() == "contact:":
            filled.append(f"{key} 01632 960000")
        else:
            filled.append(line)
    path.write_text("\n".join(filled) + "\n", encoding="utf-8")
    assert main(["validate", "--as-of", "2026-11-26"]) == 0, capsys.readouterr().out


def test_new_refuses_a_bad_slug_or_an_existing_folder(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["new", "Bad Slug"]) == 2
    assert main(["new", "iawn"]) == 0
    assert main(["new", "iawn"]) == 2
