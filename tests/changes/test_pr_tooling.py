"""The GitHub workflow and the pre-commit hook that teams get with the repository."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
import yaml

from ..helpers import REPO
from ..pr_data import change_walk, git

WORKFLOW = REPO / ".github" / "workflows" / "rhaglen.yml"
HOOKS = REPO / ".pre-commit-hooks.yaml"


def _workflow() -> dict[Any, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _steps(job: str) -> list[dict[str, Any]]:
    steps = _workflow()["jobs"][job]["steps"]
    assert isinstance(steps, list)
    return steps


def _uses(job: str) -> list[str]:
    return [step["uses"].split("@")[0] for step in _steps(job) if "uses" in step]


def _runs(job: str) -> list[str]:
    return [step["run"].strip() for step in _steps(job) if "run" in step]


def test_a_pull_request_is_validated_built_and_summarised() -> None:
    workflow = _workflow()
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads `on` as true
    assert set(triggers) == {"pull_request", "push", "workflow_dispatch"}
    assert triggers["push"] == {"branches": ["main"]}
    check = workflow["jobs"]["check"]
    assert check["if"] == "github.event_name == 'pull_request'"
    assert _steps("check")[0] == {"uses": "actions/checkout@v4", "with": {"fetch-depth": 0}}
    assert _uses("check") == ["actions/checkout", "actions/setup-python"]
    assert _runs("check") == [
        "python -m pip install .",
        "rhaglen validate programmes --format github",
        "rhaglen build",
        'rhaglen diff "origin/$BASE_REF" --lang cy >> "$GITHUB_STEP_SUMMARY"\n'
        'rhaglen diff "origin/$BASE_REF" --lang en >> "$GITHUB_STEP_SUMMARY"']
    summary = _steps("check")[-1]
    assert summary["env"] == {"BASE_REF": "${{ github.base_ref }}"}
    assert summary["if"] == "${{ !cancelled() }}"  # problems reach the summary too


def test_main_is_built_and_deployed_with_the_official_pages_actions() -> None:
    deploy = _workflow()["jobs"]["deploy"]
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert _uses("deploy") == ["actions/checkout", "actions/setup-python",
                               "actions/configure-pages", "actions/upload-pages-artifact",
                               "actions/deploy-pages"]
    assert _runs("deploy") == ["python -m pip install .", "rhaglen build -d site"]
    upload = next(s for s in _steps("deploy") if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"] == {"path": "site"}
    assert _workflow()["permissions"] == {"contents": "read"}


def test_the_workflow_matches_githubs_schema() -> None:
    pytest.importorskip("check_jsonschema")
    schema = json.loads(files("check_jsonschema").joinpath(
        "builtin_schemas/vendor/github-workflows.json").read_text(encoding="utf-8"))
    jsonschema = pytest.importorskip("jsonschema")
    workflow = _workflow()
    workflow["on"] = workflow.pop(True, workflow.get("on"))
    jsonschema.validate(workflow, schema)


@pytest.mark.build
def test_the_summary_step_runs_as_written(tmp_path: Path) -> None:
    """The step's own script, run by bash against a repository with an origin/main."""
    repo = tmp_path / "repo"
    git("init", "-q", str(repo), cwd=tmp_path)
    shutil.copytree(REPO / "programmes", repo / "programmes")
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "base", cwd=repo)
    git("update-ref", "refs/remotes/origin/main", "HEAD", cwd=repo)
    change_walk(repo / "programmes")
    shim = tmp_path / "bin" / "rhaglen"
    shim.parent.mkdir()
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m rhaglen.cli "$@"\n')
    shim.chmod(shim.stat().st_mode | stat.S_IEXEC)
    summary = tmp_path / "summary.md"
    env = {**os.environ, "PATH": f"{shim.parent}{os.pathsep}{os.environ['PATH']}",
           "PYTHONPATH": str(REPO / "plugins"), "BASE_REF": "main",
           "GITHUB_STEP_SUMMARY": str(summary), "SOURCE_DATE_EPOCH": "1795651200"}
    done = subprocess.run(["bash", "-e", "-c", _runs("check")[-1]], cwd=repo, env=env,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    lines = summary.read_text(encoding="utf-8").splitlines()
    assert lines.count("Cymharu `origin/main` â y goeden waith, fel ar 26 Tachwedd 2026.") == 1
    assert "Comparing `origin/main` with the working tree, as of 26 November 2026." in lines
    assert "- **Changed:** B1 · Staff: Spent: £31,000 → £45,000" in lines


def test_the_pre_commit_hook_validates_the_programmes_folder() -> None:
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert hooks == [{"id": "rhaglen-validate", "name": "rhaglen validate",
                      "description": "Check the programme data and print every problem at "
                                     "its line.",
                      "entry": "rhaglen validate", "language": "python",
                      "pass_filenames": False, "files": "^programmes/"}]


def test_pre_commit_accepts_the_hook_manifest() -> None:
    clientlib = pytest.importorskip("pre_commit.clientlib")
    (hook,) = clientlib.load_manifest(str(HOOKS))
    assert (hook["id"], hook["language"], hook["files"]) == (
        "rhaglen-validate", "python", "^programmes/")
