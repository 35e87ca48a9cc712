"""The strict YAML loader: one golden case per hazard, with the exact line a user sees."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rhaglen.text.problems import Problem
from rhaglen.text.yamlload import MAX_DEPTH, MAX_FILE_BYTES, Plain, load_yaml


def load(tmp_path: Path, content: bytes, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "f.yml").write_bytes(content)
    problems: list[Problem] = []
    doc = load_yaml(Path("f.yml"), problems)
    return doc, [p.format() for p in problems]


GOLDEN = [
    ("duplicate key names both lines", b"title: a\nstage: b\ntitle: c\n",
     "f.yml:3:1: title: duplicate key 'title' (first at line 1)"),
    ("alias", b"a: &x [1, 2]\nb: *x\n",
     "f.yml:2:4: b: aliases (*x) are not allowed; write the value out"),
    ("merge key", b"base: {a: 1}\nthing:\n  <<: {a: 1}\n",
     "f.yml:3:3: thing: merge keys (<<) are not allowed; write the keys out"),
    ("tab indentation", b"title:\n\tcy: x\n",
     "f.yml:2:1: syntax: tab character; YAML is indented with spaces"),
    ("NUL byte", b"title: a\x00b\n",
     "f.yml:1:9: syntax: control character U+0000 is not allowed"),
    ("Latin-1 byte", b"title: ok\nname: caf\xe9\n",
     "f.yml:2:10: syntax: byte 0xe9 is not UTF-8; save the file as UTF-8"),
    ("bidi override", "title: a\u202eb\n".encode(),
     "f.yml:1:9: syntax: bidirectional control character U+202E is not allowed"),
    ("python tag", b"a: !!python/object/apply:os.system [ls]\n",
     "f.yml:1:4: a: YAML tags (tag:yaml.org,2002:python/object/apply:os.system) are not allowed"),
    ("unclosed bracket at its opening", b"a: [1, 2\nb: 3\n",
     "f.yml:1:4: syntax: this [ is not closed: add the closing ] (with a comma between "
     "items) (parser: did not find expected ',' or ']')"),
    ("unclosed quote at its opening, not the file's end", b"a: 1\nb: 2\nc: \"open\nd: 4\n",
     "f.yml:3:4: syntax: a quoted text is not closed: add the closing \" on this line "
     "(parser: found unexpected end of stream)"),
    ("two documents", b"a: 1\n---\nb: 2\n",
     "f.yml:2:1: file: only one YAML document is allowed per file"),
]


@pytest.mark.parametrize(("content", "expected"), [(c, e) for _, c, e in GOLDEN],
                         ids=[name for name, _, _ in GOLDEN])
def test_hazard_is_reported_at_its_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        content: bytes, expected: str) -> None:
    doc, problems = load(tmp_path, content, monkeypatch)
    assert doc is None
    assert problems == [expected]


def test_yaml_1_1_words_and_numbers_stay_as_written(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    doc, problems = load(tmp_path, b"a: yes\nb: no\nc: on\nd: off\ne: 1.10\nf: 012\ng: 1:30\n",
                         monkeypatch)
    assert problems == []
    assert doc.data == {"a": "yes", "b": "no", "c": "on", "d": "off", "e": "1.10", "f": "012",
                        "g": "1:30"}
    assert all(isinstance(v, Plain) for v in doc.data.values())


def test_quoted_scalars_are_not_plain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc, _ = load(tmp_path, b"a: '12'\nb: 12\nc: ~\nd:\n", monkeypatch)
    assert doc.data == {"a": "12", "b": "12", "c": None, "d": None}
    assert not isinstance(doc.data["a"], Plain) and isinstance(doc.data["b"], Plain)


def test_byte_order_mark_is_allowed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc, problems = load(tmp_path, b"\xef\xbb\xbftitle: x\n", monkeypatch)
    assert problems == [] and doc.data == {"title": "x"}


def test_every_bad_byte_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, problems = load(tmp_path, b"a: \xff\nb: ok\nc: \xfe\n", monkeypatch)
    assert [p.split(": ")[0] for p in problems] == ["f.yml:1:4", "f.yml:3:4"]


def test_nesting_is_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    deep = b"a: " + b"[" * (MAX_DEPTH + 5) + b"]" * (MAX_DEPTH + 5) + b"\n"
    doc, problems = load(tmp_path, deep, monkeypatch)
    assert doc is None
    assert len(problems) == 1 and problems[0].endswith(f"nesting is deeper than {MAX_DEPTH} levels")
    assert problems[0].startswith("f.yml:1:")


def test_alias_bomb_is_refused_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    doc, problems = load(tmp_path, "\n".join(lines).encode(), monkeypatch)
    assert doc is None
    assert problems == ["f.yml:2:10: a1[0]: aliases (*a0) are not allowed; write the value out"]


def test_file_size_is_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, problems = load(tmp_path, b"# " + b"x" * MAX_FILE_BYTES + b"\n", monkeypatch)
    assert problems == [f"f.yml:1:1: file: file is larger than {MAX_FILE_BYTES:,} bytes"]


def test_positions_are_recorded_for_values_and_keys(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    doc, _ = load(tmp_path, b"risks:\n  - id: R1\n    response: avoid\n", monkeypatch)
    assert doc.mark(("risks", 0, "response")) == (3, 15)
    assert doc.key_mark(("risks", 0, "response")) == (3, 5)
    assert doc.mark(("risks", 0, "missing")) == (2, 5)


def _partly(tmp_path: Path, content: bytes, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "f.yml").write_bytes(content)
    return load_yaml(Path("f.yml"), [], partial=True)


def test_a_syntax_error_keeps_what_was_read_before_its_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = _partly(tmp_path, b"items:\n  - {id: a}\n  - {id: b\nmore: 1\n", monkeypatch)
    assert doc.data == {"items": [{"id": "a"}]}  # the item left open is not kept
    assert doc.cut == ("items",)  # reading stopped inside the list, after a closed item


def test_what_an_unclosed_quote_swallowed_is_not_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = _partly(tmp_path, b"a: 1\nitems:\n  - id: 'b\n  - id: 'c'\nz: 2\n", monkeypatch)
    assert doc.data == {"a": "1"}  # the list starts on the quote's line: none of it is kept
    assert doc.cut == ()


def test_a_dropped_item_is_counted_when_a_model_location_is_told_as_in_the_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = _partly(tmp_path, b"a: [1, 2, 3, 4]\n", monkeypatch)
    doc.dropped = {("a",): (0, 2)}
    assert [doc.source(("a", i)) for i in (0, 1)] == [("a", 1), ("a", 3)]
    assert doc.source(("b", 0)) == ("b", 0)
