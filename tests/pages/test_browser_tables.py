"""Every table readable on a desk and on a phone, in a real Chromium.

At desk width every column of every table is in view without scrolling sideways; at phone
width each row is a card whose every cell says what it is (its column's label) and holds no
stretch of empty space, and the page never scrolls sideways.
"""

from __future__ import annotations

from typing import Any

import pytest

from ..browser import DESK, PHONE, needs_chromium

pytestmark = [pytest.mark.browser, needs_chromium]
BREATHE = "programmes/anadlu-n-rhydd/"
WALK = "programmes/cerdded-i-r-ysgol/"
KINDS = ["", "plan/", "strategy/", "stakeholders/", "risks/", "monitoring/", "pilot/",
         "evaluation/", "lessons/", "sustainability/", "compliance/"]
# Every programme page kind of the demo, and one update of each programme.
PAGES = ([BREATHE + kind for kind in KINDS] + [BREATHE + "monitoring/2026-11-13/"]
         + [WALK + kind for kind in ("", "plan/", "stakeholders/", "risks/", "monitoring/",
                                     "compliance/", "monitoring/2026-04-10/")])

# Columns whose heading is outside the visible box of their table (or of the window).
COLUMNS_OUT_OF_VIEW = """() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const table of document.querySelectorAll('article table')) {
    const box = (table.closest('.rh-scroll') || table.parentElement).getBoundingClientRect();
    const left = Math.max(box.left, 0), right = Math.min(box.right, width);
    for (const th of table.querySelectorAll('th[scope="col"]')) {
      const cell = th.getBoundingClientRect();
      if (cell.left < left - 1 || cell.right > right + 1)
        out.push(`${table.caption ? table.caption.textContent : '?'}: ${th.textContent}`);
    }
  }
  for (const box of document.querySelectorAll('.rh-scroll'))
    if (box.scrollWidth > box.clientWidth + 1)
      out.push(`${box.getAttribute('aria-label')} scrolls by `
               + `${box.scrollWidth - box.clientWidth}px`);
  return out;
}"""

# On a phone: cells without their label shown, and cards or cells taller than their content
# by more than a line.
CARD_PROBLEMS = """() => {
  const problems = [];
  const contentBottom = el => {  // where the cell's own text ends (its label may be above it)
    const range = document.createRange();
    range.selectNodeContents(el);
    const rects = [...range.getClientRects()].filter(r => r.height > 0);
    return rects.length ? Math.max(...rects.map(r => r.bottom)) : 0;
  };
  const labelHeight = cell => {  // the height of a cell's ::before label, set in a probe
    const style = getComputedStyle(cell, '::before');
    if (style.content === 'none') return 0;
    const probe = document.createElement('div');
    for (const p of ['width', 'font', 'line-height', 'padding', 'box-sizing', 'letter-spacing',
                     'overflow-wrap', 'hyphens', 'word-break'])
      probe.style.setProperty(p, style.getPropertyValue(p));
    probe.style.position = 'absolute';
    probe.style.visibility = 'hidden';
    probe.textContent = cell.dataset.label || '';
    cell.append(probe);
    const height = probe.getBoundingClientRect().height;
    probe.remove();
    return height;
  };
  for (const table of document.querySelectorAll('article table')) {
    const name = table.caption ? table.caption.textContent : '?';
    for (const row of table.querySelectorAll('tbody tr, tfoot tr')) {
      const line = 1.6 * parseFloat(getComputedStyle(row).fontSize);
      let cells = 0;
      for (const cell of row.children) {
        const style = getComputedStyle(cell);
        if (style.display === 'none') continue;
        const label = getComputedStyle(cell, '::before').content;
        if (cell.tagName === 'TD' && (!cell.dataset.label || !label.includes(cell.dataset.label)))
          problems.push(`${name}: a cell without its label ("${cell.textContent.trim()}")`);
        const box = cell.getBoundingClientRect(), height = box.height;
        const labelBottom = box.top + parseFloat(style.paddingTop) + labelHeight(cell);
        const own = Math.max(contentBottom(cell), labelBottom) - box.top
                    + parseFloat(style.paddingBottom);
        if (height > own + line)
          problems.push(`${name}: a cell ${Math.round(height - own)}px taller than its content`);
        cells += height;
      }
      const style = getComputedStyle(row);
      const frame = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom)
                    + parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth);
      const blank = row.getBoundingClientRect().height - cells - frame;
      if (blank > line) problems.push(`${name}: a row with ${Math.round(blank)}px blank`);
    }
  }
  return problems;
}"""


@pytest.mark.parametrize("lang", ["", "en/"], ids=["cy", "en"])
def test_every_column_of_every_table_is_in_view_at_desk_width(site: str, browser: Any,
                                                              lang: str) -> None:
    page = browser.new_page(viewport=DESK)
    found, tables = [], 0
    for path in PAGES:
        page.goto(f"{site}/{lang}{path}")
        tables += page.locator("article table").count()
        found += [f"/{lang}{path}: {problem}" for problem in page.evaluate(COLUMNS_OUT_OF_VIEW)]
    page.close()
    assert tables >= 45  # the demo's tables, not an empty page
    assert not found, "\n".join(found)


@pytest.mark.parametrize("lang", ["", "en/"], ids=["cy", "en"])
def test_on_a_phone_every_row_is_a_labelled_card_without_blank_space(site: str, browser: Any,
                                                                    lang: str) -> None:
    page = browser.new_page(viewport=PHONE, is_mobile=True)
    found = []
    for path in PAGES:
        page.goto(f"{site}/{lang}{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            found.append(f"/{lang}{path}: the page scrolls sideways ({width}px)")
        found += [f"/{lang}{path}: {problem}" for problem in page.evaluate(CARD_PROBLEMS)]
        found += [f"/{lang}{path}: {problem}" for problem in page.evaluate(COLUMNS_OUT_OF_VIEW)
                  if "scrolls by" in problem]
    page.close()
    assert not found, "\n".join(found)


def test_the_scroll_box_is_the_only_scroller_and_is_named_and_focusable(
        site: str, browser: Any) -> None:
    page = browser.new_page(viewport=DESK)
    page.goto(f"{site}/{BREATHE}plan/")
    boxes = page.evaluate("""[...document.querySelectorAll('.rh-scroll')].map(box => ({
        role: box.getAttribute('role'), name: box.getAttribute('aria-label'),
        tabindex: box.tabIndex, overflow: getComputedStyle(box).overflowX,
        inner: [...box.querySelectorAll('*')].filter(el => ['auto', 'scroll'].includes(
            getComputedStyle(el).overflowX)).length}))""")
    page.close()
    # objectives, 4 trends, milestones, roles, budget, spend by 6 lines and in total, support
    assert len(boxes) == 16
    for box in boxes:
        assert box["role"] == "region" and box["name"] and box["tabindex"] == 0
        assert box["overflow"] == "auto" and box["inner"] == 0  # Material's wrapper does not scroll
