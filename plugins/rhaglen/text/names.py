"""Names that become folders, files and addresses: programme slugs and lesson tags.

A name is checked once here for everything it must survive: a web address, a file name on
any file system (at most 255 bytes, so a name of 100 leaves room for what is added to it)
and a checkout on Windows, which refuses the names it keeps for devices (`con`, `nul`,
`com1`..., in any case and with any extension).
"""

from __future__ import annotations

import re

NAME = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
NAME_PATTERN = f"^{NAME.pattern}$"
MAX_NAME = 100
WINDOWS_DEVICES = frozenset({"con", "prn", "aux", "nul",
                             *(f"{port}{n}" for port in ("com", "lpt")
                               for n in [*"0123456789", "\u00b9", "\u00b2", "\u00b3"])})


def name_problem(name: str, what: str) -> str | None:
    """Why `name`, already of the NAME pattern, cannot be a `what` (a folder name, a
    tag): too long, or a Windows device; None if it can be."""
    if len(name) > MAX_NAME:
        return (f"'{name[:24]}…' is {len(name)} characters long; a {what} has at most "
                f"{MAX_NAME}")
    if is_windows_device(name):
        return (f"'{name}' is a name Windows keeps for a device, so the files could not be "
                f"checked out there; choose another {what}")
    return None


def is_windows_device(name: str) -> bool:
    """Whether Windows refuses `name` as a file or folder name (`CON`, `nul.txt`, `Com1`)."""
    return name.split(".", 1)[0].rstrip(" ").lower() in WINDOWS_DEVICES
