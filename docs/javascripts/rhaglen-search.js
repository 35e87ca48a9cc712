// Rhaglen's header search, on Pagefind's JS API (pagefind.js, fetched on first use).
//
// The box (overrides/partials/pagefind.html) carries, as JSON, its words in the page's
// language and, on a Welsh page, the rules of Welsh initial mutation from the core
// (rhaglen/search/mutations.py): this script holds no Welsh of its own. A word typed is
// searched as written and as each dictionary form it may be a mutation of ("Gymru" also
// as "cymru"); the index already holds each page's mutated words under their dictionary
// forms, so between them either form finds the other. Results of those searches are
// merged, each page once at its best score. Excerpts are built here from the page's
// text as plain text and <mark>, never as HTML, and never from the hidden block of
// extra words the index adds to a page.

const SHOWN = 10;        // results shown at once, and added by "more results"
const SEARCHES = 8;      // Pagefind searches for one query at most
const WORDS = 24;        // words in an excerpt
const QUIET = 200;       // milliseconds of quiet typing before searching

/** The Welsh first letter of a lower-case word: "llyfr" → "ll", "ngheg" → "ngh". */
function firstLetter(word, rules) {
  return rules.letters.find((letter) => word.startsWith(letter)) ?? word.slice(0, 1);
}

/** Every dictionary form a lower-case word may be a mutation of, itself first
 * (mutations.radicals in the core, read from the same rules). */
export function radicals(word, rules) {
  const forms = [word];
  if (!word) return forms;
  const letter = firstLetter(word, rules);
  const rest = word.slice(letter.length);
  for (const radical of rules.radicals[letter] ?? []) forms.push(radical + rest);
  for (const [dropped, before] of Object.entries(rules.dropped)) {  // "ardd" ← "gardd"
    if (before.includes(letter)) forms.push(dropped + word);
  }
  for (const [added, before] of Object.entries(rules.prefixed)) {  // "hafon" ← "afon"
    const after = word.slice(added.length);
    if (word.startsWith(added) && before.includes(after.slice(0, 1))) forms.push(after);
  }
  return [...new Set(forms)];
}

/** A word as the index compares it: lower case, no accents, no punctuation around it. */
function bare(word) {
  return word.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "")
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
}

/** The forms of each word of a query: as typed, then its radicals (Welsh, stop words
 * apart); one list a word. */
function forms(term, rules) {
  const words = term.split(/\s+/).map(bare).filter(Boolean);
  return words.map((word) => (rules && !rules.stop.includes(word) ? radicals(word, rules) : [word]));
}

/** The queries to run for `term`: one form of each word, the fewest changed words first,
 * at most SEARCHES of them ("yng Nghymru" → "yng nghymru", "yng cymru"). */
export function queries(term, rules) {
  let chosen = [{ words: [], changed: 0 }];
  for (const options of forms(term, rules)) {
    chosen = chosen.flatMap((c) => options.map((form, i) => (
      { words: [...c.words, form], changed: c.changed + (i > 0 ? 1 : 0) })))
      .sort((a, b) => a.changed - b.changed).slice(0, SEARCHES);
  }
  return chosen.map((c) => c.words.join(" ")).filter(Boolean);
}

/** An excerpt of a page found: WORDS words of its visible text (never its hidden block of
 * extra words, `block`), around the most matches, matches in <mark>. Built from text
 * nodes, so nothing in a page's text is ever read as HTML. */
export function excerpt(page, term, rules, block) {
  const text = page.content.split(/[\r\n\s]+/);  // as Pagefind counts word locations
  const anchor = (page.anchors ?? []).find((a) => a.id === block);
  const end = anchor ? anchor.location : text.length;
  const marked = new Set((page.locations ?? []).filter((at) => at < end));
  // A page may match only through its hidden block ("gogledd" for "Ngogledd"): mark the
  // visible words whose forms are a form of a query word.
  const wanted = new Set(forms(term, rules).flat());
  for (let at = 0; at < end; at++) {
    const word = bare(text[at]);
    const own = word && rules ? radicals(word, rules) : [word];
    if (own.some((form) => wanted.has(form))) marked.add(at);
  }
  const found = [...marked].sort((a, b) => a - b);
  let start = 0;
  let most = 0;
  for (let i = 0, j = 0; i < found.length; i++) {  // the window holding the most matches
    while (j < found.length && found[j] < found[i] + WORDS) j++;
    if (j - i > most) [most, start] = [j - i, found[i] - Math.floor(WORDS / 4)];
  }
  start = Math.max(0, Math.min(start, end - WORDS));
  const stop = Math.min(end, start + WORDS);
  const p = document.createElement("p");
  p.className = "rh-search__excerpt";
  const parts = [start > 0 ? "… " : ""];
  for (let at = start; at < stop; at++) {
    if (at > start) parts.push(" ");
    if (marked.has(at)) {  // the word in <mark>, the punctuation around it not
      const [, before, word, after] = text[at].match(/^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su);
      p.append(parts.join("") + before);
      parts.length = 0;
      const mark = document.createElement("mark");
      mark.textContent = word;
      p.append(mark);
      parts.push(after);
    } else {
      parts.push(text[at]);
    }
  }
  parts.push(stop < end ? " …" : "");
  p.append(parts.join(""));
  return p;
}

function setUp(root) {
  const settings = JSON.parse(root.dataset.rhSearch);
  const { words, rules, block } = settings;
  const input = root.querySelector(".rh-search__input");
  const clear = root.querySelector(".rh-search__clear");
  const panel = root.querySelector(".rh-search__panel");
  const status = root.querySelector(".rh-search__status");
  const list = root.querySelector(".rh-search__results");
  const more = root.querySelector(".rh-search__more");
  let pagefind = null;   // the promise of Pagefind's API, once asked for
  let latest = 0;        // the number of the latest search: older ones are dropped
  let timer = 0;
  let found = [];        // results of the latest search, best first
  let shown = 0;
  let term = "";

  // The words of `key` with the count and the query put in, by a function: as a string,
  // what was typed would be read for replacement patterns ("$&", "$'"...).
  const say = (key, count) => words[key].replace(/\[(COUNT|SEARCH_TERM)\]/g,
    (_, name) => (name === "COUNT" ? String(count) : term));

  function load() {
    pagefind ??= import(new URL("../pagefind/pagefind.js", import.meta.url).href)
      .then(async (api) => {
        await api.options({ noWorker: true });  // one script to download, not two
        await api.init();
        return api;
      })
      .catch(() => { pagefind = null; return null; });
    return pagefind;
  }

  function item(page) {
    const li = document.createElement("li");
    const link = document.createElement("a");
    link.href = page.url;
    link.textContent = page.meta?.title || page.url;
    li.append(link, excerpt(page, term, rules, block));
    return li;
  }

  /** Show the next SHOWN results (`fresh`: in place of those shown, once they are ready). */
  async function showMore(fresh = false) {
    const number = latest;
    const next = found.slice(shown, shown + SHOWN);
    const pages = await Promise.all(next.map((result) => result.data()));
    if (number !== latest) return [];
    const items = pages.map(item);
    list[fresh ? "replaceChildren" : "append"](...items);
    shown += next.length;
    more.hidden = shown >= found.length;
    return items;
  }

  async function search() {
    const number = ++latest;
    term = input.value.trim();
    if (!term) return;
    panel.hidden = false;
    status.textContent = say("searching");
    const api = await load();
    if (number !== latest) return;
    if (!api) {  // no index to search (pagefind.js could not be fetched): say nothing
      status.textContent = "";
      panel.hidden = true;
      return;
    }
    const lists = await Promise.all(queries(term, rules).map((query) => api.search(query)));
    if (number !== latest) return;
    const best = new Map();  // a result's id names its page: each page once, at its best
    for (const result of lists.flatMap((answer) => answer?.results ?? [])) {
      if ((best.get(result.id)?.score ?? -1) < result.score) best.set(result.id, result);
    }
    found = [...best.values()].sort((a, b) => b.score - a.score);
    shown = 0;
    await showMore(true);
    if (number !== latest) return;
    const count = found.length;
    status.textContent = say(count === 0 ? "zero_results" : count === 1 ? "one_result"
      : "many_results", count);
  }

  function reset() {
    latest++;
    clearTimeout(timer);
    input.value = "";
    term = "";
    found = [];
    list.replaceChildren();
    status.textContent = "";
    more.hidden = clear.hidden = panel.hidden = true;
  }

  input.addEventListener("focus", () => {
    load();
    if (input.value.trim() && status.textContent) panel.hidden = false;
  });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    if (!input.value.trim()) { reset(); return; }
    clear.hidden = false;
    timer = setTimeout(search, QUIET);
  });
  clear.addEventListener("click", () => { reset(); input.focus(); });
  more.addEventListener("click", async () => {
    if (more.getAttribute("aria-disabled")) return;  // one page of results at a time
    more.setAttribute("aria-disabled", "true");
    const items = await showMore().finally(() => more.removeAttribute("aria-disabled"));
    items[0]?.querySelector("a").focus();  // the first new result, read on from there
  });
  root.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    reset();
    input.focus();
  });
  // Leaving the search (by keyboard or pointer) folds the results away; coming back to
  // the box shows them again.
  root.addEventListener("focusout", (event) => {
    if (event.relatedTarget && !root.contains(event.relatedTarget)) panel.hidden = true;
  });
  document.addEventListener("pointerdown", (event) => {
    if (!root.contains(event.target)) panel.hidden = true;
  });
}

document.querySelectorAll("[data-rh-search]").forEach(setUp);
