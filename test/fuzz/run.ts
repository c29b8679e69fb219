/**
 * `npm run fuzz`: throws random and mutated input at every reader of untrusted text — the
 * expression engine (parse → check → derivatives → compile → evaluate) and the scene, deck and
 * link readers of every registered lab — and counts what happened. Nothing may throw; every
 * refusal must carry a message; no single input may take longer than the budget. Prints counts
 * and the slowest input; exits non-zero on any violation. Seeded, so a failure can be replayed:
 * `npm run fuzz -- --seed 123 --runs 20000`.
 */
import fc from 'fast-check';
import { labSceneParams, labSceneSchema, labSeed } from '../../core/labs/define';
import { LAB_DEFS } from '../../core/labs/registry';
import { exprCompileSource, exprEvalPoint } from '../../core/math/expr-compile';
import { deckParse } from '../../core/scene/deck';
import { sceneParse, sceneSerialize, type SceneFile } from '../../core/scene/scene';
import { sceneUrlDecode, sceneUrlEncode } from '../../core/scene/scene-url';
import { zodArbitrary } from '../support/zod-arbitrary';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SEED = arg('seed', 20261129);
const RUNS = arg('runs', 10_000);
/** Longest any one input may take (ms): a reader must refuse quickly, not think for seconds. */
const BUDGET_MS = 250;

interface Tally {
  accepted: number;
  refused: number;
  threw: string[];
  silent: number;
  slowest: { ms: number; input: string };
}
const tally = (): Tally => ({
  accepted: 0,
  refused: 0,
  threw: [],
  silent: 0,
  slowest: { ms: 0, input: '' },
});

function judge(t: Tally, input: string, read: () => { ok: boolean; message?: string }) {
  const t0 = performance.now();
  try {
    const r = read();
    if (r.ok) t.accepted++;
    else if (typeof r.message === 'string' && r.message.length > 0) t.refused++;
    else t.silent++;
  } catch (err) {
    t.threw.push(`${String(err)} ← ${JSON.stringify(input.slice(0, 120))}`);
  }
  const ms = performance.now() - t0;
  if (ms > t.slowest.ms) t.slowest = { ms, input: input.slice(0, 80) };
}

// ——— expressions ———
const atoms = ['x', 'y', '1', '0', '2.5', '1e308', '-1e-320', 'pi', 'e', 'NaN', '__proto__'];
const fns = ['sin', 'cos', 'exp', 'log', 'sqrt', 'abs', 'tanh', 'max', 'min', 'constructor'];
const ops = ['+', '-', '*', '/', '^', '(', ')', ',', ' '];
const token = fc.oneof(fc.constantFrom(...atoms), fc.constantFrom(...fns), fc.constantFrom(...ops));
const grammar: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...atoms),
    fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '^'), tie('e')).map((p) => p.join('')),
    fc.tuple(fc.constantFrom(...fns), tie('e')).map(([f, a]) => `${f}(${a})`),
    tie('e').map((a) => `(${a})`),
  ),
})).e;
const expression = fc.oneof(
  grammar,
  fc.array(token, { maxLength: 60 }).map((t) => t.join('')),
  fc.string({ maxLength: 200 }),
);

function fuzzExpressions(): Tally {
  const t = tally();
  for (const src of fc.sample(expression, { numRuns: RUNS, seed: SEED })) {
    judge(t, src, () => {
      const r = exprCompileSource(src);
      if (r.ok) {
        const v = exprEvalPoint(r.compiled, 0.3, -1.7);
        if (typeof v !== 'object' || v === null) throw new Error('evaluation returned no value');
      }
      return r;
    });
  }
  return t;
}

// ——— scenes, decks, links ———
const schemas = Object.fromEntries(LAB_DEFS.map((d) => [d.id, labSceneSchema(d)]));

const validScenes: fc.Arbitrary<SceneFile> = fc.oneof(
  ...LAB_DEFS.map((def) =>
    zodArbitrary(def.params)
      .filter((raw) => def.params.safeParse(raw).success)
      .map((raw) => {
        const p = def.params.parse(raw) as never;
        return {
          format: 'ml-math-lab-scene' as const,
          version: 2 as const,
          lab: def.id,
          params: labSceneParams(def, p),
          seed: labSeed(def, p),
        };
      }),
  ),
);

/** A valid text, then damaged: cut short, a byte changed, a block repeated, a value swapped. */
const damaged = fc
  .tuple(validScenes, fc.nat(), fc.nat(), fc.constantFrom('cut', 'byte', 'repeat', 'swap', 'none'))
  .map(([scene, i, j, how]) => {
    const text = sceneSerialize(scene);
    const a = i % (text.length + 1);
    const b = j % (text.length + 1);
    if (how === 'cut') return text.slice(0, a);
    if (how === 'byte') return text.slice(0, a) + String.fromCharCode(j % 128) + text.slice(a + 1);
    if (how === 'repeat')
      return text.slice(0, a) + text.slice(Math.min(a, b), a).repeat(50) + text.slice(a);
    if (how === 'swap')
      return text.replace(
        /: [^,\n]+/,
        ': ' + JSON.stringify(fc.sample(fc.jsonValue(), { numRuns: 1, seed: i })[0]),
      );
    return text;
  });

const sceneText = fc.oneof(damaged, fc.json({ maxDepth: 6 }), fc.string({ maxLength: 300 }));

function fuzzScenes(): { scenes: Tally; decks: Tally; links: Tally } {
  const scenes = tally();
  const decks = tally();
  const links = tally();
  const texts = fc.sample(sceneText, { numRuns: RUNS, seed: SEED + 1 });
  for (const text of texts) judge(scenes, text, () => sceneParse(text, schemas));
  for (let k = 0; k + 3 <= texts.length && k < RUNS / 2; k += 3) {
    const deck = `{"format":"ml-math-lab-deck","version":1,"title":"f","scenes":[${texts.slice(k, k + 3).join(',')}]}`;
    judge(decks, deck, () => deckParse(deck, schemas));
  }
  for (const scene of fc.sample(validScenes, { numRuns: Math.floor(RUNS / 5), seed: SEED + 2 })) {
    const enc = sceneUrlEncode(scene);
    if (!enc.ok) continue;
    const bad = enc.text.slice(0, enc.text.length - 3) + 'A_-';
    judge(links, enc.text, () => sceneUrlDecode(enc.text, schemas));
    judge(links, bad, () => sceneUrlDecode(bad, schemas));
  }
  return { scenes, decks, links };
}

function line(name: string, t: Tally): string {
  const n = t.accepted + t.refused + t.silent + t.threw.length;
  return `${name.padEnd(12)} ${String(n).padStart(6)} inputs: ${t.accepted} accepted, ${t.refused} refused with a message, ${t.silent} refused silently, ${t.threw.length} threw; slowest ${t.slowest.ms.toFixed(1)} ms`;
}

const results: [string, Tally][] = [['expressions', fuzzExpressions()]];
const s = fuzzScenes();
results.push(['scenes', s.scenes], ['decks', s.decks], ['links', s.links]);
console.log(`fuzz (seed ${SEED}, ${RUNS} runs per reader)`);
let bad = 0;
for (const [name, t] of results) {
  console.log(line(name, t));
  for (const e of t.threw.slice(0, 5)) console.log(`  threw: ${e}`);
  if (t.slowest.ms > BUDGET_MS)
    console.log(`  slow (> ${BUDGET_MS} ms): ${JSON.stringify(t.slowest.input)}`);
  bad += t.threw.length + t.silent + (t.slowest.ms > BUDGET_MS ? 1 : 0);
}
process.exitCode = bad ? 1 : 0;
