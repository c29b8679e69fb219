// The home page's pure parts: the map (every registered lab once, grouped by branch, numbered
// along one path), the command palette's index and matching (every registered lab, view,
// story, formula and tour is found by its name), and the recent-files list read from storage.
import { describe, expect, it } from 'vitest';
import { LAB_BRANCHES } from '../../core/labs/guide';
import { LAB_DEFS } from '../../core/labs/registry';
import { homeMap } from '../../renderer/shell/home/map';
import { paletteIndex, paletteSearch } from '../../renderer/shell/home/palette-index';
import {
  RECENT_MAX,
  RECENT_TEXT_MAX,
  recentParse,
  recentWith,
  type RecentEntry,
} from '../../renderer/shell/home/recent';

const labs = LAB_DEFS.map((d) => d as unknown as Parameters<typeof paletteIndex>[0][number]);
const index = paletteIndex(labs);
const key = (e: { kind: string; labId: string; id: string }) => `${e.kind}:${e.labId}:${e.id}`;
const top = (q: string, n = 3) => paletteSearch(index, q).slice(0, n).map(key);

describe('home map', () => {
  const groups = homeMap(LAB_DEFS);
  it('lists every registered lab exactly once, numbered 1…n along the path', () => {
    const listed = groups.flatMap((g) => g.labs);
    expect(listed.map((e) => e.lab.id).sort()).toEqual(LAB_DEFS.map((d) => d.id).sort());
    expect(listed.map((e) => e.step)).toEqual(listed.map((_, k) => k + 1));
  });
  it('shows every branch in curriculum order, each lab in its own branch by its order', () => {
    expect(groups.slice(0, LAB_BRANCHES.length).map((g) => g.id)).toEqual(
      LAB_BRANCHES.map((b) => b.id),
    );
    for (const g of groups) {
      for (const { lab } of g.labs) expect(lab.curriculum?.branch ?? 'more').toBe(g.id);
      const orders = g.labs.map((e) => e.lab.curriculum?.order ?? 0);
      expect(orders).toEqual([...orders].sort((a, b) => a - b));
    }
  });
  it('puts a lab without a curriculum under "More labs", after the placed ones', () => {
    const g = homeMap([
      { id: 'x', title: 'X' },
      { id: 'y', title: 'Y', curriculum: { branch: 'calculus', order: 1, question: 'Q?' } },
    ]);
    expect(g.at(-1)).toMatchObject({ id: 'more', labs: [{ lab: { id: 'x' }, step: 2 }] });
    expect(g.find((x) => x.id === 'calculus')?.labs).toMatchObject([{ lab: { id: 'y' }, step: 1 }]);
  });
});

describe('command palette', () => {
  it('finds every registered lab by its title, first', () => {
    for (const lab of LAB_DEFS) expect(top(lab.title, 1), lab.id).toEqual([`lab:${lab.id}:`]);
  });
  it('finds every story, view, formula and tour of every lab by its title', () => {
    for (const lab of LAB_DEFS) {
      const named = [
        ...lab.presets.map((s) => ['story', s.id, s.title]),
        ...(lab.views ?? []).map((v) => ['view', v.id, v.title]),
        ...(lab.formulas ?? []).map((f) => ['formula', f.id, f.title]),
        ...(lab.tours ?? []).map((t) => ['tour', t.id, t.title]),
      ];
      for (const [kind, id, title] of named)
        expect(top(title, 3), `${lab.id} ${kind} “${title}”`).toContain(`${kind}:${lab.id}:${id}`);
    }
  });
  it.each([
    ['softmax Jacobian', 'formula:probability:softmax-jacobian'],
    ['Huber', 'formula:losses:huber'],
    ['Nesterov', 'formula:descent:nesterov'],
    ['nestrov', 'formula:descent:nesterov'],
    ['lasso', 'formula:regularization:lasso'],
    ['KL divergence', 'formula:probability:kl'],
  ])('“%s” puts %s first', (q, want) => {
    expect(top(q, 1)).toEqual([want]);
  });
  it('needs every word to match, and an empty query lists everything, labs first', () => {
    expect(paletteSearch(index, 'huber zebra')).toEqual([]);
    const all = paletteSearch(index, '  ');
    expect(all).toHaveLength(index.length);
    expect(all.slice(0, LAB_DEFS.length).map((e) => e.kind)).toEqual(LAB_DEFS.map(() => 'lab'));
  });
});

const entry = (k: number, text = `{"n":${k}}`): RecentEntry => ({
  kind: 'scene',
  name: `s${k}.mlscene`,
  lab: 'descent',
  title: 'Descent',
  scenes: 1,
  openedAt: 1000 + k,
  text,
});

describe('recently opened scenes and decks', () => {
  it('reads back what it wrote, newest first', () => {
    let list: RecentEntry[] = [];
    for (let k = 0; k < 3; k++) list = recentWith(list, entry(k));
    expect(recentParse(JSON.stringify(list)).map((e) => e.name)).toEqual([
      's2.mlscene',
      's1.mlscene',
      's0.mlscene',
    ]);
  });
  it(`keeps at most ${RECENT_MAX}, and the same text opened again moves up instead of repeating`, () => {
    let list: RecentEntry[] = [];
    for (let k = 0; k < RECENT_MAX + 4; k++) list = recentWith(list, entry(k));
    expect(list).toHaveLength(RECENT_MAX);
    list = recentWith(list, { ...entry(99), text: list[3].text });
    expect(list).toHaveLength(RECENT_MAX);
    expect(list.filter((e) => e.text === list[0].text)).toHaveLength(1);
  });
  it('drops what is not a valid entry, and refuses text that is not a list', () => {
    const good = entry(1);
    const bad = [
      { ...good, kind: 'virus' },
      { ...good, text: 'x'.repeat(RECENT_TEXT_MAX + 1) },
      { ...good, openedAt: 'yesterday' },
      { ...good, name: '' },
      null,
      42,
    ];
    expect(recentParse(JSON.stringify([...bad, good]))).toEqual([good]);
    for (const raw of ['', 'not json', '{"a":1}', 'null', '"text"', null])
      expect(recentParse(raw)).toEqual([]);
  });
  it('does not remember a text too large to keep', () => {
    expect(recentWith([], entry(1, 'x'.repeat(RECENT_TEXT_MAX + 1)))).toEqual([]);
  });
});
