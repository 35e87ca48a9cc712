"""`rhaglen diff` on what a repository may hold that no working tree would: a blob far
over the loader's limit, trees git itself refuses to check out, names that are not UTF-8,
and a disk that fails while a revision is copied out. Each ends in one line or the
loader's own problem, never a traceback, never a write outside the temporary folder."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import tempfile
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from rhaglen.cli import main
from rhaglen.text.yamlload import MAX_FILE_BYTES

from ..edits import WALK
from ..helpers import REPO
from ..pr_data import change_walk, git, rhaglen

AS_OF = ("--as-of", "2026-11-26", "--lang", "en")
STRICT = {"PYTHONIOENCODING": "utf-8:strict", "LC_ALL": "C.UTF-8"}
# A tree as `git mktree` is given it: (name, content) pairs, a list being a folder, so
# that one name can be given twice.
Tree = list[tuple[bytes, Any]]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose one commit holds the demo data, as its working tree does."""
    root = tmp_path / "repo"
    root.mkdir()
    git("init", "-q", cwd=root)
    shutil.copytree(REPO / "programmes", root / "programmes")
    git("add", "-A", cwd=root)
    git("commit", "-q", "-m", "The demo data", cwd=root)
    return root


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _git_out(root: Path, *args: str, stdin: bytes = b"") -> str:
    return subprocess.run(["git", *args], cwd=root, input=stdin, capture_output=True,
                          check=True).stdout.decode().strip()


def _tree(root: Path, entries: Tree) -> str:
    """The object of a tree built with `git mktree`, which checks no name."""
    lines = []
    for name, content in entries:
        if isinstance(content, list):
            kind, obj = b"040000 tree ", _tree(root, content)
        else:
            kind, obj = b"100644 blob ", _git_out(root, "hash-object", "-w", "--stdin",
                                                  stdin=content)
        lines.append(kind + obj.encode() + b"\t" + name)
    return _git_out(root, "mktree", "-z", stdin=b"".join(line + b"\0" for line in lines))


def _commit(root: Path, programmes: Tree) -> str:
    """A commit whose programmes folder is `programmes`: no index, no checks."""
    top = _tree(root, [(b"programmes", programmes)])
    return _git_out(root, "-c", "user.name=T", "-c", "user.email=t@example.org",
                    "commit-tree", top, "-m", "An odd tree")


def _counting_git(bin_folder: Path, log: Path) -> None:
    """A `git` that passes everything through and logs how many bytes it printed."""
    bin_folder.mkdir()
    real = shutil.which("git")
    script = bin_folder / "git"
    script.write_text(f"""#!{sys.executable}
import subprocess, sys
child = subprocess.Popen([{real!r}, *sys.argv[1:]], stdout=subprocess.PIPE)
total = 0
while piece := child.stdout.read1(65536):
    sys.stdout.buffer.write(piece)
    sys.stdout.buffer.flush()
    total += len(piece)
with open({str(log)!r}, "a") as out:
    out.write(f"{{total}}\\n")
sys.exit(child.wait())
""", encoding="utf-8")
    script.chmod(0o755)


# 1. A blob over the loader's limit ----------------------------------------------------

@pytest.mark.build
def test_a_blob_over_the_limit_is_refused_as_in_the_working_tree_and_never_read(
        repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    plan = repo / "programmes" / WALK / "plan.yml"
    kept = plan.read_bytes()
    plan.write_bytes(b"# " + b"x" * (2 * MAX_FILE_BYTES) + b"\n")
    monkeypatch.chdir(repo)
    code, working_tree, _ = _run(capsys, "validate", "programmes", "--as-of", "2026-11-26")
    assert code == 1
    git("commit", "-q", "-am", "A plan of 2 MB", cwd=repo)
    plan.write_bytes(kept)
    log = tmp_path / "git-bytes"
    _counting_git(tmp_path / "bin", log)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    code, out, err = _run(capsys, "diff", "HEAD", *AS_OF)
    assert (code, err) == (1, "")
    too_large = f"programmes/{WALK}/plan.yml:1:1: file: file is larger than 1,000,000 bytes"
    assert too_large in working_tree.splitlines()
    assert too_large in out.splitlines()
    read = sum(int(n) for n in log.read_text().split())
    assert read < MAX_FILE_BYTES // 2, f"{read:,} bytes were read from git"


@pytest.mark.build
def test_blobs_are_never_held_all_at_once(repo: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """Twenty blobs just under the limit (18 MB in all) pass through a few pieces at a time."""
    for n in range(20):
        (repo / "programmes" / WALK / f"photo-{n}.jpg").write_bytes(
            bytes([n]) * (MAX_FILE_BYTES - 100_000))
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "Photographs, wrongly", cwd=repo)
    monkeypatch.chdir(repo)
    tracemalloc.start()
    try:
        code, out, _ = _run(capsys, "diff", "HEAD", *AS_OF)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert code == 1 and "unknown file or folder 'photo-19.jpg'" in out
    assert peak < 6_000_000, f"{peak:,} bytes held at once"


# 2. Trees no folder can hold -----------------------------------------------------------

PLAN = [(b"plan.yml", b"a: b\n")]


@pytest.mark.parametrize(("programmes", "message"), [
    ([(b"walk", b"a file\n"), (b"walk", PLAN)],
     "holds both a file and a folder at 'programmes/walk'"),
    ([(b"walk", PLAN), (b"walk", PLAN)], "holds 'programmes/walk/plan.yml' twice"),
    ([(b"..", [(b"..", [(b"..", [(b"escaped.yml", b"a: b\n")])])])],
     "holds 'programmes/../../../escaped.yml', which no folder can hold: '..' is not a name"),
    ([(b"walk", [(b".", PLAN)])],
     "holds 'programmes/walk/./plan.yml', which no folder can hold: '.' is not a name"),
    ([(b"walk", [(b"..\\..\\escaped.yml", b"a: b\n")])],
     "holds 'programmes/walk/..\\..\\escaped.yml', which no folder can hold: a name holds "
     "a backslash, which separates folders on Windows"),
    ([(b"walk", [(b"p" * 252 + b".yml", b"a: b\n")])],
     f"holds 'programmes/walk/{'p' * 252}.yml', which no folder can hold: a name is longer "
     "than 255 bytes"),
], ids=["file-and-folder", "twice", "dot-dot", "dot", "backslash", "long-name"])
def test_a_tree_no_folder_can_hold_is_one_line(repo: Path, tmp_path: Path, programmes: Tree,
                                                message: str,
                                                monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    commit = _commit(repo, programmes)
    temp = tmp_path / "a" / "b" / "c"
    temp.mkdir(parents=True)
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.chdir(repo)
    code, out, err = _run(capsys, "diff", commit, *AS_OF)
    assert (code, out, err.splitlines()) == (1, "", [f"rhaglen diff: {commit} {message}"])
    assert not list(tmp_path.rglob("escaped*"))
    assert not list(temp.iterdir())  # nothing left behind either


def test_a_name_that_is_not_utf8_is_an_unknown_file(repo: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    commit = _commit(repo, [(b"walk", [(b"plan\xff.yml", b"a: b\n")])])
    monkeypatch.chdir(repo)
    code, out, err = _run(capsys, "diff", commit, *AS_OF)
    assert (code, err) == (1, "")
    assert "programmes/walk/programme.yml:1:1: file: missing: every programme folder needs " \
           "a programme.yml" in out.splitlines()
    assert any(line.startswith("programmes/walk/plan") and "unknown file or folder" in line
               for line in out.splitlines())


# 3. Names that are not UTF-8, printed where the output must be UTF-8 -------------------

@pytest.fixture
def odd_name(repo: Path) -> Path:
    """The demo data with a file named b'plan\\xff.yml', committed."""
    (repo / "programmes" / WALK / os.fsdecode(b"plan\xff.yml")).write_bytes(b"a: b\n")
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "A name that is not UTF-8", cwd=repo)
    return repo


UNKNOWN = (f"programmes/{WALK}/plan\\xff.yml:1:1: file: unknown file or folder "
           "'plan\\xff.yml'; did you mean plan.yml?")


@pytest.mark.build
def test_diff_prints_a_name_that_is_not_utf8_escaped(odd_name: Path) -> None:
    """Needs `Problem.format()` to escape names (plugins/rhaglen/problems.py)."""
    done = rhaglen("diff", "HEAD", *AS_OF, cwd=odd_name, env=STRICT)
    assert (done.returncode, done.stderr) == (1, "")
    assert UNKNOWN in done.stdout.splitlines()


@pytest.mark.build
def test_validate_prints_a_name_that_is_not_utf8_escaped(odd_name: Path) -> None:
    """Needs `Problem.format()` to escape names (plugins/rhaglen/problems.py)."""
    done = rhaglen("validate", "programmes", "--as-of", "2026-11-26", cwd=odd_name,
                   env=STRICT)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert UNKNOWN in done.stdout.splitlines()


@pytest.mark.build
def test_a_folder_named_in_bytes_that_are_not_utf8_is_named_escaped(repo: Path) -> None:
    shutil.copytree(REPO / "programmes", repo / os.fsdecode(b"before\xff"))
    done = rhaglen("diff", os.fsdecode(b"before\xff"), *AS_OF, cwd=repo,
                   env=STRICT)
    assert (done.returncode, done.stderr) == (0, "")
    assert ("Comparing `before\\xff` with the working tree, as of 26 November 2026."
            in done.stdout.splitlines())


@pytest.mark.build
def test_a_repository_in_a_folder_named_in_bytes_that_are_not_utf8(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / os.fsdecode(b"repo\xff")
    shutil.copytree(REPO / "programmes", root / "programmes")
    git("init", "-q", cwd=root)
    git("add", "-A", cwd=root)
    git("commit", "-q", "-m", "The demo data", cwd=root)
    monkeypatch.chdir(root)
    code, out, err = _run(capsys, "diff", "HEAD", *AS_OF)
    assert (code, err, out.splitlines()[-1]) == (0, "", "Readers will see no change.")


@pytest.mark.parametrize("revision", ["main\x1b[2J", "HEAD\nrhaglen diff: all is well",
                                      os.fsdecode(b"r\xff")])
def test_a_revision_name_is_printed_escaped_on_one_line(repo: Path, revision: str,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    monkeypatch.chdir(repo)
    code, out, err = _run(capsys, "diff", revision, *AS_OF)
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert err.endswith("\n") and err[:-1].isprintable()  # no control character but that
    err.encode("utf-8")  # strict: a byte that is not UTF-8 is escaped, not kept


# 4. Every other failure is one line ----------------------------------------------------

def _one_line(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code, out, err = _run(capsys, "diff", *args, *AS_OF)
    assert out == "" and len(err.splitlines()) == 1 and err.startswith("rhaglen diff: ")
    return code, err.strip()


def test_a_base_that_is_a_file_is_one_line(repo: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(repo)
    assert _one_line(capsys, "programmes/tags.yml") == (
        2, "rhaglen diff: 'programmes/tags.yml' is neither a folder nor a revision of this "
        "repository")


def test_a_folder_outside_any_repository_is_one_line(repo: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]
                                                     ) -> None:
    outside = tmp_path / "outside" / "programmes"
    shutil.copytree(REPO / "programmes", outside)
    monkeypatch.chdir(repo)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    code, line = _one_line(capsys, "HEAD", "--dir", str(outside))
    assert code == 2 and "not a git repository" in line


def test_a_disk_error_while_copying_a_revision_is_one_line(
        repo: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    opened = Path.open

    def full_disk(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if "rhaglen-diff-" in str(self) and mode[0] in "wxa":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
        return opened(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", full_disk)
    monkeypatch.chdir(repo)
    code, line = _one_line(capsys, "HEAD")
    assert code == 2
    assert line.startswith("rhaglen diff: cannot copy 'programmes/")
    assert line.endswith("' of HEAD out of git: No space left on device")


def test_no_temporary_folder_is_one_line(repo: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-such-folder"))
    monkeypatch.chdir(repo)
    code, line = _one_line(capsys, "HEAD")
    assert code == 2 and "No such file or directory" in line


@pytest.mark.build
def test_a_programmes_folder_at_the_top_of_its_repository(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    """`--dir .`: the revision's whole tree is the programmes folder."""
    top, changed = tmp_path / "programmes", tmp_path / "changed"
    shutil.copytree(REPO / "programmes", top)
    shutil.copytree(REPO / "programmes", changed)
    change_walk(changed)  # before `git init`: the loader refuses a .git folder
    git("init", "-q", cwd=top)
    git("add", "-A", cwd=top)
    git("commit", "-q", "-m", "The demo data", cwd=top)
    shutil.copytree(changed, top, dirs_exist_ok=True)
    git("add", "-A", cwd=top)
    git("commit", "-q", "-m", "Report November", cwd=top)
    monkeypatch.chdir(top)
    code, out, err = _run(capsys, "diff", "HEAD~1", "HEAD", "--dir", ".", *AS_OF)
    assert (code, err) == (0, "")
    assert "- **Changed:** B1 · Staff: Spent: £31,000 → £45,000" in out.splitlines()
