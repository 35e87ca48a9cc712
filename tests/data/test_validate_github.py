"""`rhaglen validate --format github`: workflow commands, escaped as GitHub reads them.

GitHub's runner (actions/toolkit, `command.ts`) reads `::error file=...,line=...::message`;
in the message `%`, `\\r` and `\\n` are written `%25`, `%0D` and `%0A`, and in the
properties `:` and `,` are also written `%3A` and `%2C`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rhaglen.cli import main
from rhaglen.text.problems import Problem

from .test_problem_cases import GOLDEN, read_case, write_tree


def _tree(root: Path, **files: str) -> None:
    base = read_case(GOLDEN / "bases" / "minimal.yml")["files"]
    write_tree(root, {**base, **files})


def _validate(folder: str, capsys: pytest.CaptureFixture[str],
              *extra: str) -> tuple[int, list[str]]:
    capsys.readouterr()
    code = main(["validate", folder, "--as-of", "2026-11-26", *extra])
    return code, capsys.readouterr().out.splitlines()


def test_errors_and_warnings_become_workflow_commands_with_colons_and_commas_escaped(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    base = read_case(GOLDEN / "bases" / "minimal.yml")["files"]
    plan = base["walk/plan.yml"].replace("target: {value: 45,", "target: {value: 120,")
    update = ("period: {start: 2026-01-01, end: 2026-03-31}\nrag: green\n"
              "summary: {cy: Da., en: Good.}\nobjectives:\n  - {id: O1, value: 60}\n")
    _tree(tmp_path / "data,v1:x", **{"walk/plan.yml": plan, "walk/updates/2026-04-10.yml": update})
    monkeypatch.chdir(tmp_path)
    code, lines = _validate("data,v1:x", capsys, "--format", "github")
    assert code == 1
    assert lines == [
        "::error file=data%2Cv1%3Ax/walk/plan.yml,line=9,col=21,title=Rhaglen::"
        "objectives[0].target.value: 120 is outside 0 to 100, but the unit of O1 ('%25') "
        "is a percentage",
        "::warning file=data%2Cv1%3Ax/walk/updates/2026-04-10.yml,line=1,col=1,title=Rhaglen::"
        "file: milestone M1 is overdue (due 2026-03-01), and no open action in this update "
        "responds to it: add one to actions with responds_to: M1",
    ]


def test_the_default_format_is_unchanged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    base = read_case(GOLDEN / "bases" / "minimal.yml")["files"]
    _tree(tmp_path / "programmes",
          **{"walk/plan.yml": base["walk/plan.yml"].replace("value: 45,", "value: 120,")})
    monkeypatch.chdir(tmp_path)
    expected = ["programmes/walk/plan.yml:9:21: objectives[0].target.value: 120 is outside 0 "
                "to 100, but the unit of O1 ('%') is a percentage"]
    assert _validate("programmes", capsys) == (1, expected)
    assert _validate("programmes", capsys, "--format", "text") == (1, expected)


def test_line_breaks_and_percent_signs_are_escaped_in_message_and_properties() -> None:
    problem = Problem("a:b,c%d\r\n.yml", 3, 4, "x", "50% done,\r\nnext: line", "warning")
    assert problem.github() == (
        "::warning file=a%3Ab%2Cc%25d%0D%0A.yml,line=3,col=4,title=Rhaglen::"
        "x: 50%25 done,%0D%0Anext: line")


def test_a_valid_folder_prints_no_commands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    _tree(tmp_path / "programmes")
    monkeypatch.chdir(tmp_path)
    assert _validate("programmes", capsys, "--format", "github") == (0, [])


def test_an_unknown_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["validate", "programmes", "--format", "json"])
    assert exit_.value.code == 2
    assert "invalid choice: 'json'" in capsys.readouterr().err
