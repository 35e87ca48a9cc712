"""Benchmark: the time to check and render the slowest Prose found, 10,000 characters each.

Each shape below once took Python-Markdown seconds (or overflowed its stack), or is the
slowest found among those that pass the limits of `rhaglen.text.prose` (brackets nested 8
deep, 200 lines, 32 tags, 32 links, 8 list markers on a line). Prints, for each, whether
the check refuses it and the best of three times for the check (`prose_problems`) and,
for a text that passes, the render (`render_prose`), then the slowest of all. Run as
`python -m tests.bench.prose_time`; figures depend on the machine: nothing is asserted.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from rhaglen.text.prose import (
    MAX_LINES,
    MAX_LINKS,
    MAX_MARKS,
    MAX_NESTING,
    prose_problems,
    render_prose,
)

SIZE = 10_000


def filled(unit: str) -> str:
    """`unit` repeated to SIZE characters."""
    return (unit * (SIZE // len(unit) + 1))[:SIZE]


def then(head: str) -> str:
    """`head`, then one word as long as it takes to make SIZE characters."""
    return head + " " + "a" * (SIZE - len(head) - 1)


def lines(unit: str) -> str:
    """As many `unit` lines as allowed, then the rest as one long line of the same block."""
    head = (unit + "\n") * (MAX_LINES - 1)
    return head + "a" * (SIZE - len(head))


SHAPES: dict[str, str] = {
    # refused before Markdown runs
    "[ nested 10,000": "[" * SIZE,
    "[ nested 4,999 and closed": "[" * 4_999 + "a" + "]" * 4_999,
    "[( nested": filled("[("),
    "<![CDATA[": filled("<![CDATA["),
    "<a b= unclosed tags": filled("<a b="),
    "[a](x'- ) links": filled("[a](x'- )"),
    "1. nested lists": filled("1. "),
    "=\\n setext lines": filled("=\n"),
    "a\\n\\n paragraphs": filled("a\n\n"),
    "_* emphasis": filled("_*"),
    "*a * nested emphasis": "*a " * 1_666 + "b" + " a*" * 1_666,
    "\\[ escapes": filled("[\\"),
    # at the limits: read by Markdown (some then refused for what they hold)
    "[][]": filled("[]"),
    "8-deep brackets": filled("[" * MAX_NESTING + "a" + "]" * MAX_NESTING + " "),
    "32 links then text": then("[a](x'- )" * MAX_LINKS),
    "32 https links then text": then("[a](https://x'- )" * MAX_LINKS),
    "1,000 marks nested": then("*a " * (MAX_MARKS // 2) + "b" + " a*" * (MAX_MARKS // 2)),
    "1,000 marks flat": then("*a* " * (MAX_MARKS // 2)),
    "200 reference lines": lines("[a]: https://x"),
    "200 rule lines": lines("***"),
    "200 setext lines": lines("="),
    "8 list markers a line": "\n".join(("- " * MAX_NESTING + "a" * 30,) * 200)[:SIZE],
    "8 quote markers a line": "\n".join(("> " * MAX_NESTING + "a" * 30,) * 200)[:SIZE],
}


def best_ms(call: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main() -> None:
    render_prose("warm")  # import Markdown and nh3 before timing
    prose_problems("[warm](https://example.org)")
    worst = (0.0, "")
    print(f"{'shape':28} {'chars':>6} {'check':>8} {'render':>8}  result")
    for name, text in SHAPES.items():
        check = best_ms(lambda text=text: prose_problems(text))
        refused = bool(prose_problems(text))
        render = 0.0 if refused else best_ms(
            lambda text=text: (render_prose.cache_clear(), render_prose(text)))
        worst = max(worst, (check + render, name))
        print(f"{name:28} {len(text):6,} {check:8.1f} {render:8.1f}  "
              f"{'refused' if refused else 'passes'}")
    print(f"slowest: {worst[1]}, {worst[0]:.1f} ms to check and render")


if __name__ == "__main__":
    main()
