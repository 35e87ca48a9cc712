"""Golden problem cases: a small tree of files in, the exact lines `rhaglen validate` prints out.

Each file in `tests/golden/problems/` is one case (its stem is the test id):

```yaml
description: What the case shows, in a sentence.
base: minimal          # optional: start from tests/golden/bases/minimal.yml
as_of: 2026-11-26      # optional: the --as-of date (this is the default)
dir: programmes        # optional: the folder argument given to `rhaglen validate`
via: cli               # optional: cli (default), or load_portfolio for the library call
files:                 # paths relative to the programmes folder
  walk/risks.yml: |    # the file's exact text, so every line and column can be counted
    risks: ...
  walk/plan.yml: null  # remove a file the base provides
  walk/extra/: null    # a path ending in / is an empty folder
  walk/odd.yml: {text: "caf\u00e9", encoding: latin-1}   # other bytes: encoding, times
  walk/risks.yml: {link: ../../elsewhere.yml}           # a symbolic link
expect:                # always last: regenerated in place
  exit: 1
  lines: [...]         # stdout, one problem per line, paths as printed from the tree's parent
  stderr: [...]
```

The validator runs in-process (`rhaglen.cli.main`, or `load_portfolio` with `via`) with
the tree's parent as the working directory, so paths print as `programmes/walk/...`.

When a message changes on purpose, regenerate the expectations and review the diff:

    UPDATE_GOLDEN=1 python -m pytest tests/test_problem_cases.py

Only the `expect:` block at the end of each case file is rewritten; the rest is kept
byte for byte.
"""

from __future__ import annotations

import json
import os
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from rhaglen.cli import main
from rhaglen.data.load import load_portfolio

from ..helpers import TESTS

GOLDEN = TESTS / "golden"
CASES = sorted((GOLDEN / "problems").glob("*.yml"))
DEFAULT_AS_OF = "2026-11-26"
CASE_KEYS = {"description", "base", "as_of", "dir", "via", "files", "expect"}
EXPECT_KEYS = {"exit", "lines", "stderr"}
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
_EXPECT_BLOCK = re.compile(r"^expect:.*\Z", re.MULTILINE | re.DOTALL)


def read_case(path: Path) -> dict[str, Any]:
    """A case file, checked for the keys the runner knows (a typo must not pass silently)."""
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(case, dict), f"{path.name}: a case is a mapping"
    unknown = set(case) - CASE_KEYS
    assert not unknown, f"{path.name}: unknown keys {sorted(unknown)}"
    assert case.get("description"), f"{path.name}: say what the case shows"
    return case


def _tree(case: dict[str, Any], name: str) -> dict[str, Any]:
    files: dict[str, Any] = {}
    if case.get("base"):
        files.update(read_case(GOLDEN / "bases" / f"{case['base']}.yml")["files"])
    for path, spec in (case.get("files") or {}).items():
        assert not Path(path).is_absolute() and ".." not in Path(path).parts, (name, path)
        if spec is None and not path.endswith("/"):
            assert path in files, f"{name}: {path} is not in the base, so it cannot be removed"
            del files[path]
        else:
            files[path] = spec
    return files


def _content(spec: Any) -> bytes:
    if isinstance(spec, str):
        return spec.encode("utf-8")
    assert isinstance(spec, dict) and set(spec) <= {"text", "encoding", "times"}, spec
    return str(spec["text"]).encode(spec.get("encoding", "utf-8")) * int(spec.get("times", 1))


def write_tree(root: Path, files: dict[str, Any]) -> None:
    """Write the case's files under `root` (the programmes folder)."""
    root.mkdir(parents=True, exist_ok=True)
    for path, spec in files.items():
        target = root / path
        if path.endswith("/"):
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(spec, dict) and set(spec) == {"link"}:  # a symbolic link to `link`
            target.symlink_to(spec["link"])
            continue
        target.write_bytes(_content(spec))


def run_case(case: dict[str, Any], name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
             capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    """Run the validator on the case's tree; what it printed and its exit code."""
    write_tree(tmp_path / "programmes", _tree(case, name))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "100")  # argparse wraps its usage line to the terminal
    folder, as_of = str(case.get("dir", "programmes")), str(case.get("as_of", DEFAULT_AS_OF))
    capsys.readouterr()
    if case.get("via", "cli") == "load_portfolio":
        result = load_portfolio(Path(folder), date.fromisoformat(as_of))
        lines = [p.format() for p in result.problems]
        return {"exit": 0 if result.portfolio else 1, "lines": lines, "stderr": []}
    try:
        code = main(["validate", folder, "--as-of", as_of])
    except SystemExit as exc:  # argparse's usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return {"exit": code, "lines": out.splitlines(), "stderr": err.splitlines()}


def dump_expect(result: dict[str, Any]) -> str:
    """The `expect:` block, one double-quoted line each (JSON strings are valid YAML)."""
    text = f"expect:\n  exit: {result['exit']}\n"
    for key in ("lines", "stderr"):
        items = result[key]
        text += f"  {key}:" + ("".join(f"\n    - {json.dumps(i, ensure_ascii=False)}"
                                       for i in items) if items else " []") + "\n"
    return text


def rewrite_expect(path: Path, result: dict[str, Any]) -> None:
    """Replace the case's trailing `expect:` block (or add one), keeping all else as it was."""
    text = path.read_text(encoding="utf-8")
    if _EXPECT_BLOCK.search(text):
        text = _EXPECT_BLOCK.sub(lambda _: dump_expect(result), text)
    else:
        text = text.rstrip("\n") + "\n" + dump_expect(result)
    path.write_text(text, encoding="utf-8")
    assert read_case(path)["expect"] == result  # the block reads back as what was found


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_problem_case(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                      capsys: pytest.CaptureFixture[str]) -> None:
    case = read_case(path)
    result = run_case(case, path.name, tmp_path, monkeypatch, capsys)
    if UPDATE:
        rewrite_expect(path, result)
        return
    expect = case.get("expect")
    assert isinstance(expect, dict) and set(expect) == EXPECT_KEYS, (
        f"{path.name}: no complete expect: block; run with UPDATE_GOLDEN=1 and review it")
    assert result["lines"] == expect["lines"]
    assert result["stderr"] == expect["stderr"]
    assert result["exit"] == expect["exit"]


def test_there_are_cases_and_each_ends_with_its_expectation() -> None:
    assert len(CASES) >= 50
    for path in CASES:
        text = path.read_text(encoding="utf-8")
        match = _EXPECT_BLOCK.search(text)
        assert match, f"{path.name}: no expect: block"
        assert yaml.safe_load(match.group())["expect"] == read_case(path)["expect"], (
            f"{path.name}: expect: must be the last key, so regeneration keeps the rest")
