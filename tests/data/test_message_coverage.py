"""Every message the validator can print has a golden case in tests/golden/problems/.

The messages are collected from the source with `ast`, not listed by hand, so a new
message without a case fails `test_every_message_has_a_golden_case`.

What is collected (the *message sites*), in the modules of `SCANNED`:

- the message argument of `fail(kind, message)`, `Problem(path, line, col, where,
  message)`, `_file_problem(path, message)`, `self.problem(mark, loc, message)` (and
  the composer's `stop` and `fault`),
  `check.report(file, loc, message)` and `ArgumentTypeError(message)`;
- every string returned by `_message` (pydantic errors rewritten) and `print`ed to the
  user by the command's `_validate`;
- fragments that are spliced into messages elsewhere: the strings returned by
  `_suggest`, `_describe` and `_advice` (a syntax error in plain words), the `what` of
  `_pattern(regex, what)`, the values of prose's `_FORBIDDEN` and the strings appended
  to a list named `problems` (Prose messages are joined with "; "), and the two names
  `_order(..., "earlier/later")` puts into "later (date) is before earlier (date)".

A message is cut into its literal pieces: the text between the placeholders of an
f-string, or of a `{name}` template given to `fail`. A variable used as the message or
inside an f-string is followed to every string assigned to it in the same function,
and a conditional expression gives each of its branches, so `hint = "; did you mean
..." if close else ""` makes two variants of the message, each needing a case. A
variant is covered when one expected line (the part after `path:line:col: where: `,
or a whole stderr line) holds its pieces in order; a whole message must also start
with its first piece and end with its last (so the variant without a hint needs a
line that really ends there), while a fragment may stand anywhere.

Limits: a message built by a call (`"; ".join(...)`, `str(error["msg"])`, a helper's
return value) is seen only through the strings listed above, and pydantic's own
messages are not seen at all (`test_no_golden_line_is_pydantic_s_own_words` guards
those that reach a case). Pieces between placeholders are not checked for what fills
the placeholders, and a message whose only literal text is punctuation proves little.
A message in a module not in `SCANNED`, or passed through a helper not named above,
is not collected: add the helper here when you add one.
"""

from __future__ import annotations

import ast
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import rhaglen

from .test_problem_cases import CASES, read_case

PACKAGE = Path(rhaglen.__file__).parent
# module -> the functions to read (None: the whole module)
SCANNED: dict[str, set[str] | None] = {
    "text/yamlload.py": None,
    "text/yamlcompose.py": None,
    "text/syntax.py": None,
    "data/load.py": None,
    "rules/across_records.py": None,
    "rules/sense.py": None,
    "text/prose.py": None,
    "model/types.py": None,
    "model/scalars.py": None,
    "model/errors.py": None,
    "text/names.py": None,
    "cli.py": {"_date", "_validate"},
}
MESSAGE_ARG = {"fail": 1, "Problem": 4, "_file_problem": 1, "problem": 2, "stop": 2,
               "fault": 2, "report": 2,
               "print": 0, "printable": 0}
WHOLE_RETURNS = {"_message", "name_problem"}
FRAGMENT_RETURNS = {"_suggest", "_describe", "_advice"}
FRAGMENT_ARG = {"_pattern": 1, "ArgumentTypeError": 0}  # argparse prefixes the latter
ORDER_NAMES = {"_order": 5}
GAP = None
Pieces = tuple[str | None, ...]
_TEMPLATE_FIELD = re.compile(r"\{[A-Za-z_]+\}")
_LINE = re.compile(r"^[^:]+:\d+:\d+: .*?: (?:warning: )?")
MAX_VARIANTS = 16
# Messages no input can reach, each with the reason; kept honest by a test below.
UNREACHABLE = {
    "<…> is not allowed": "prose.py: core Markdown writes only allowed or _FORBIDDEN tags, "
                          "and raw HTML is refused before the inspector runs",
    "YAML syntax: …": "yamlload.py: libyaml's reader refuses only characters that the "
                      "lexical check has refused before it reads",
}


@dataclass(frozen=True)
class Message:
    """One variant of a message: where it is written, its pieces, whole or a fragment."""

    site: str
    pieces: Pieces
    whole: bool

    def shown(self) -> str:
        return "".join("…" if p is GAP else p for p in self.pieces)

    def literal(self) -> list[str]:
        return [p for p in self.pieces if p]

    def matches(self, message: str) -> bool:
        literal = self.literal()
        if self.whole and self.pieces[0] is not GAP and not message.startswith(literal[0]):
            return False
        if self.whole and self.pieces[-1] is not GAP and not message.endswith(literal[-1]):
            return False
        at = 0
        for piece in literal:
            at = message.find(piece, at)
            if at < 0:
                return False
            at += len(piece)
        return True


def _squash(pieces: Pieces) -> Pieces:
    out: list[str | None] = []
    for piece in pieces:
        if piece == "":
            continue
        if out and piece is not GAP and out[-1] is not GAP:
            out[-1] = str(out[-1]) + piece
        elif not (out and piece is GAP and out[-1] is GAP):
            out.append(piece)
    return tuple(out) or (GAP,)


class _Collector(ast.NodeVisitor):
    def __init__(self, module: str, functions: set[str] | None) -> None:
        self.module = module
        self.functions = functions
        self.scope: list[ast.AST] = []
        self.found: list[Message] = []

    # -- expressions to variants ------------------------------------------------------
    def variants(self, node: ast.expr | None, template: bool = False) -> list[Pieces]:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if not template:
                return [(node.value,)]
            parts = _TEMPLATE_FIELD.split(node.value)
            return [tuple(itertools.chain.from_iterable(
                (p,) if i == 0 else (GAP, p) for i, p in enumerate(parts)))]
        if isinstance(node, ast.JoinedStr):
            options = [self.variants(v.value) if isinstance(v, ast.FormattedValue)
                       and isinstance(v.value, ast.Name) else
                       [(GAP,)] if isinstance(v, ast.FormattedValue) else self.variants(v)
                       for v in node.values]
            return self._product(options)
        if isinstance(node, ast.IfExp):
            return self.variants(node.body, template) + self.variants(node.orelse, template)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return self._product([self.variants(node.left), self.variants(node.right)])
        if isinstance(node, ast.Name):
            values = self._assigned(node.id)
            if values:
                return list(itertools.chain.from_iterable(self.variants(v) for v in values))
        return [(GAP,)]

    def _product(self, options: list[list[Pieces]]) -> list[Pieces]:
        combined = [tuple(itertools.chain.from_iterable(c)) for c in itertools.product(*options)]
        assert len(combined) <= MAX_VARIANTS, f"{self.module}: too many variants to check"
        return combined

    def _assigned(self, name: str) -> list[ast.expr]:
        function = next((s for s in reversed(self.scope)
                         if isinstance(s, ast.FunctionDef)), None)
        if function is None:
            return []
        values = []
        for node in ast.walk(function):
            if isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id == name for t in node.targets):
                values.append(node.value)
        return values

    # -- sites -------------------------------------------------------------------------
    def add(self, node: ast.AST, value: ast.expr | None, whole: bool,
            template: bool = False) -> None:
        for pieces in self.variants(value, template):
            pieces = _squash(pieces)
            if any(pieces):  # a message with no literal text cannot be looked for
                site = f"{self.module}:{getattr(node, 'lineno', 0)}"
                self.found.append(Message(site, pieces, whole))

    def reading(self) -> bool:
        return self.functions is None or any(
            isinstance(s, ast.FunctionDef) and s.name in self.functions for s in self.scope)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self.scope.append(node)
        self.generic_visit(node)
        self.scope.pop()

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.scope.append(node)
        self.generic_visit(node)
        self.scope.pop()

    def visit_Return(self, node: ast.Return) -> None:
        function = next((s for s in reversed(self.scope) if isinstance(s, ast.FunctionDef)),
                        None)
        if function is not None and self.reading():
            if function.name in WHOLE_RETURNS:
                self.add(node, node.value, whole=True)
            elif function.name in FRAGMENT_RETURNS:
                self.add(node, node.value, whole=False)
        self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        if any(isinstance(t, ast.Name) and t.id == "_FORBIDDEN" for t in node.targets):
            for sub in ast.walk(node.value):
                if isinstance(sub, ast.Dict):
                    for value in sub.values:
                        self.add(node, value, whole=False)
                elif isinstance(sub, ast.DictComp):
                    self.add(node, sub.value, whole=False)
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.id if isinstance(func, ast.Name) else (
            func.attr if isinstance(func, ast.Attribute) else "")
        if self.reading():
            if name in MESSAGE_ARG and len(node.args) > MESSAGE_ARG[name]:
                self.add(node, node.args[MESSAGE_ARG[name]], whole=True,
                         template=name == "fail")
            elif name in FRAGMENT_ARG and len(node.args) > FRAGMENT_ARG[name]:
                self.add(node, node.args[FRAGMENT_ARG[name]], whole=False)
            elif name == "append" and isinstance(func, ast.Attribute) and (
                    ast.unparse(func.value).endswith("problems")) and node.args and not (
                    isinstance(node.args[0], ast.Call)):
                self.add(node, node.args[0], whole=False)
            elif name in ORDER_NAMES and len(node.args) > ORDER_NAMES[name]:
                names = node.args[ORDER_NAMES[name]]
                if isinstance(names, ast.Constant) and isinstance(names.value, str):
                    earlier, later = names.value.split("/")
                    self.found.append(Message(f"{self.module}:{node.lineno}",
                                              (later, " (", GAP, ") is before ", earlier,
                                               " (", GAP, ")"), whole=True))
        self.generic_visit(node)


def collect_messages() -> list[Message]:
    """Every variant of every message written in the scanned modules."""
    found: list[Message] = []
    for module, functions in SCANNED.items():
        collector = _Collector(module, functions)
        collector.visit(ast.parse((PACKAGE / module).read_text(encoding="utf-8")))
        found.extend(collector.found)
    return list(dict.fromkeys(found))


def golden_messages() -> list[str]:
    """The message part of every expected line in every case, stderr lines whole."""
    messages = []
    for path in CASES:
        expect = read_case(path).get("expect") or {}
        messages += [_LINE.sub("", line, count=1) for line in expect.get("lines", [])]
        messages += list(expect.get("stderr", []))
    return messages


def uncovered(messages: list[Message], golden: list[str]) -> list[str]:
    return [f"{m.site}: {m.shown()!r}" for m in messages
            if not any(m.matches(line) for line in golden)]


def test_every_message_has_a_golden_case() -> None:
    messages = [m for m in collect_messages() if m.shown() not in UNREACHABLE]
    missing = uncovered(messages, golden_messages())
    assert not missing, ("messages without a golden case in tests/golden/problems/ "
                         "(write one, then UPDATE_GOLDEN=1):\n" + "\n".join(missing))


def test_the_collector_sees_every_kind_of_site() -> None:
    messages = collect_messages()
    modules = {m.site.split(":")[0] for m in messages}
    assert modules == set(SCANNED)
    shown = {m.shown() for m in messages}
    for expected in ["missing required key '…'", "unknown key '…'…", "; did you mean '…'?",
                     "expected true or false, got …", "duplicate key '…' (first at line …)",
                     "tab character; YAML is indented with spaces", "images are not allowed",
                     "end (…) is before start (…)", "'…' names no record in this programme",
                     "id (letters, digits, - and _, up to 64)",
                     "rhaglen validate: no such folder: …"]:
        assert expected in shown, expected
    assert len(messages) >= 80


@pytest.mark.parametrize(("source", "line", "covered"), [
    ('fail("x", "brand new message")', "brand new message", True),
    ('fail("x", "brand new message")', "a brand new message", False),
    ('fail("x", "got {got} here")', "got 5 here", True),
    ('fail("x", "got {got} here")', "got 5 here and more", False),
    ('hint = "; more" if x else ""\nfail("x", f"a {y}{hint}")', "a b; more", True),
])
def test_the_collector_finds_a_new_message_and_needs_a_case_for_it(
        source: str, line: str, covered: bool) -> None:
    collector = _Collector("new.py", None)
    collector.visit(ast.parse(f"def check(x, y):\n    {source.replace(chr(10), chr(10) + '    ')}"))
    assert collector.found
    assert (not uncovered(collector.found, [line])) is covered


def test_no_golden_line_is_pydantic_s_own_words() -> None:
    pydantic_words = re.compile(r"Input should|Field required|Extra inputs|Value error|"
                                r"validation error|type=")
    leaked = [m for m in golden_messages() if pydantic_words.search(m)]
    assert not leaked


def test_every_unreachable_message_is_still_in_the_source() -> None:
    shown = {m.shown() for m in collect_messages()}
    assert set(UNREACHABLE) <= shown, "remove the entries of UNREACHABLE that are gone"
