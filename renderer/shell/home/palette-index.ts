/**
 * What the command palette can open, derived from the lab definitions (so a new lab's views,
 * stories, formulas and tours are found without an edit here), and a forgiving match: every
 * word typed must appear in an entry, at a word's start, inside a word, or as letters in order
 * within one word (so "nestrov" still finds Nesterov).
 */
/** The parts of a lab definition the palette indexes. */
export interface PaletteLab {
  id: string;
  title: string;
  summary: string;
  presets: readonly { id: string; title: string; story: string }[];
  curriculum?: { question: string };
  views?: readonly { id: string; title: string }[];
  formulas?: readonly { id: string; title: string; tex: string; keywords?: readonly string[] }[];
  tours?: readonly { id: string; title: string; summary: string }[];
}

export type PaletteKind = 'lab' | 'view' | 'story' | 'formula' | 'tour' | 'page';

/** A page of the app that is not a lab: its route (`#/<route>`), title and search words. */
export interface PalettePage {
  route: string;
  title: string;
  detail: string;
  keywords: readonly string[];
}

export interface PaletteEntry {
  kind: PaletteKind;
  labId: string;
  /** The view, story, formula or tour id ('' for a lab). */
  id: string;
  title: string;
  /** Shown under the title: the lab, and a question or a formula. */
  detail: string;
  tex?: string;
  /** Lower-case words searched, title first. */
  words: string[];
  /** The title's words (matches there rank higher). */
  titleWords: number;
}

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
const split = (s: string) =>
  fold(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

function entry(
  kind: PaletteKind,
  lab: PaletteLab,
  id: string,
  title: string,
  detail: string,
  extra: string[] = [],
  tex?: string,
): PaletteEntry {
  const titleWords = split(title);
  const words = [...titleWords, ...split(lab.title), ...extra.flatMap(split), kind];
  return { kind, labId: lab.id, id, title, detail, tex, words, titleWords: titleWords.length };
}

function pageEntry(p: PalettePage): PaletteEntry {
  const titleWords = split(p.title);
  const words = [...titleWords, ...p.keywords.flatMap(split), 'page'];
  return {
    kind: 'page',
    labId: '',
    id: p.route,
    title: p.title,
    detail: p.detail,
    words,
    titleWords: titleWords.length,
  };
}

/** Every lab, view, story, formula and tour of `labs`, and the app's other `pages`. */
export function paletteIndex(
  labs: readonly PaletteLab[],
  pages: readonly PalettePage[] = [],
): PaletteEntry[] {
  return [
    ...labs.flatMap((lab) => [
      entry('lab', lab, '', lab.title, lab.curriculum?.question ?? lab.summary, [lab.summary]),
      ...(lab.views ?? []).map((v) => entry('view', lab, v.id, v.title, lab.title, [v.id])),
      ...lab.presets.map((s) => entry('story', lab, s.id, s.title, lab.title, [s.id])),
      ...(lab.formulas ?? []).map((f) =>
        entry('formula', lab, f.id, f.title, lab.title, [...(f.keywords ?? []), f.id], f.tex),
      ),
      ...(lab.tours ?? []).map((t) =>
        entry('tour', lab, t.id, t.title, `Guided tour · ${lab.title}`, [t.summary, 'learn']),
      ),
    ]),
    ...pages.map(pageEntry),
  ];
}

/** Letters of `q` in order within `w`. */
function subsequence(q: string, w: string): boolean {
  let k = 0;
  for (const c of w) if (c === q[k]) k++;
  return k === q.length;
}

/** How well one typed word matches an entry (0: not at all). */
function termScore(term: string, e: PaletteEntry): number {
  let best = 0;
  e.words.forEach((w, i) => {
    const inTitle = i < e.titleWords;
    let s = 0;
    if (w === term) s = 6;
    else if (w.startsWith(term)) s = 4;
    else if (term.length >= 3 && w.includes(term)) s = 2;
    else if (term.length >= 4 && w.length <= term.length + 3 && subsequence(term, w)) s = 1;
    if (s && inTitle) s += 2;
    best = Math.max(best, s);
  });
  return best;
}

const KIND_BONUS: Record<PaletteKind, number> = {
  lab: 3,
  page: 3,
  formula: 2,
  view: 1,
  tour: 1,
  story: 0,
};

const EMPTY_ORDER: PaletteKind[] = ['lab', 'tour', 'view', 'formula', 'story', 'page'];

/**
 * The entries matching every word of `query`, best first; for an empty query every entry, labs
 * first, then tours, views, formulas and stories.
 */
export function paletteSearch(index: readonly PaletteEntry[], query: string): PaletteEntry[] {
  const terms = split(query);
  if (terms.length === 0)
    return EMPTY_ORDER.flatMap((kind) => index.filter((e) => e.kind === kind));
  const scored: { e: PaletteEntry; s: number; k: number }[] = [];
  index.forEach((e, k) => {
    let s = 0;
    for (const t of terms) {
      const ts = termScore(t, e);
      if (ts === 0) return;
      s += ts;
    }
    scored.push({ e, s: s + KIND_BONUS[e.kind], k });
  });
  return scored.sort((a, b) => b.s - a.s || a.k - b.k).map((x) => x.e);
}
