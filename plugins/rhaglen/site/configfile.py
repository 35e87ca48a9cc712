"""What a site's configuration may not hold: a value YAML cannot read, said at its line,
and a web address that is not one a reader can safely follow.

MkDocs reads its configuration with YAML, which turns `as_of: 2026-13-45` into a date
and fails with "month must be in 1..12", naming neither the option nor the line. Here the
file is read again as YAML nodes, which keep their lines, and each plain value of a type
YAML itself constructs (a date, a number) is constructed on its own until one fails.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

import yaml

from ..text.problems import printable

# The options whose value every page links; an edit address may also be a path below
# `repo_url`. Only https (http for this machine) is a link a reader can follow safely:
# `javascript://x/%0Aalert(1)` passes MkDocs' own check and runs script when clicked.
ADDRESS_OPTIONS = ("site_url", "repo_url")
EDIT_OPTIONS = ("edit_uri", "edit_uri_template", "source_edit_uri")
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\xa0\u00ad\u2000-\u200f\u2028-\u202f"
                        r"\u205f-\u206f\u3000\ufeff]")


@dataclass(frozen=True)
class Unreadable:
    """A value YAML cannot construct: its line, the option holding it, and why."""

    line: int
    option: str
    value: str
    reason: str

    def format(self, path: str) -> str:
        """`path:line: option: 'value' cannot be read: reason`."""
        return f"{path}:{self.line}: {self.option}: '{self.value}' cannot be read: {self.reason}"


def _scalars(node: yaml.Node, option: str) -> Iterator[tuple[yaml.ScalarNode, str]]:
    if isinstance(node, yaml.ScalarNode):
        yield node, option
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _scalars(item, option)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else option
            yield from _scalars(value, str(name))


def unreadable_value(text: str) -> Unreadable | None:
    """The first value of `text` that YAML cannot construct, or None (also when `text` is
    not YAML at all: the caller's reader says why)."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    if root is None:
        return None
    constructor = yaml.SafeLoader("")
    for node, option in _scalars(root, "(top)"):
        if node.tag not in constructor.yaml_constructors:
            continue  # a tag of MkDocs' own, such as !ENV: MkDocs reads it
        try:
            constructor.construct_object(node)
        except (ValueError, OverflowError, yaml.YAMLError) as exc:
            return Unreadable(node.start_mark.line + 1, option, node.value,
                              " ".join(str(exc).split()))
    return None


def _safe_address(value: str) -> bool:
    try:  # an unclosed [ or a port that is not a number: ValueError
        parts = urlsplit(value)
        host, _ = parts.hostname, parts.port
    except ValueError:
        return False
    if not host:
        return False
    return parts.scheme == "https" or (parts.scheme == "http" and host in LOCAL_HOSTS)


def _relative(text: str) -> bool:
    """Whether `text` is a path (no scheme, no host), such as `edit/main/docs/`."""
    return ":" not in text.split("/", 1)[0] and not text.startswith(("//", "\\", "/\\"))


def address_problem(option: str, value: object) -> str | None:
    """Why `value` may not be the address option `option`, or None if it may."""
    if value is None or value == "":
        return None
    text = str(value)
    edit = option in EDIT_OPTIONS
    if not isinstance(value, str) or _INVISIBLE.search(text):
        reason = "holds spaces or invisible characters" if isinstance(value, str) else (
            "is not text")
    elif edit and _relative(text):
        return None  # a path below repo_url, such as edit/main/docs/
    elif _safe_address(text) and "\\" not in text:
        return None
    else:
        reason = "is not an https:// address"
    shown = printable(text)[:80]
    also = "; or a path below repo_url such as edit/main/docs/" if edit else ""
    return (f"{option}: '{shown}' {reason}: give an address starting https:// (http:// only "
            f"for localhost){also}")


def address_problems(options: Mapping[str, object]) -> list[str]:
    """Every address option of `options` (a configuration, a plugin's) that is refused."""
    found = [address_problem(name, options.get(name))
             for name in (*ADDRESS_OPTIONS, *EDIT_OPTIONS) if name in options]
    return [problem for problem in found if problem]
