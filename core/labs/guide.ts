/**
 * What places a lab in the subject and leads a learner through it: its branch of the curriculum
 * and suggested order, the question it answers, its views, the formulas it typesets (so search
 * finds them by name) and guided tours. Every field is optional in a lab's definition: a lab
 * without them is listed after the placed ones and has no tours.
 *
 * A tour step, a formula and a view each name a state of the lab as a `LabTarget`: a story
 * over the defaults, then a view's keys, then params of its own. Resolved from the defaults a
 * target always gives the same params, so a tour step is reproducible and can be checked against
 * the lab's schema when the lab is defined.
 */
import type { z } from 'zod';
import type { LabParamsShape, LabPreset } from './define';

/** The branches of the subject, in the order the map shows them. */
export const LAB_BRANCHES = [
  {
    id: 'linear-algebra',
    title: 'Linear algebra',
    blurb: 'Vectors, matrices and the maps a layer applies to its inputs.',
  },
  {
    id: 'calculus',
    title: 'Calculus',
    blurb: 'Derivatives: how a small change upstream moves everything downstream.',
  },
  {
    id: 'probability',
    title: 'Probability and statistics',
    blurb: 'Distributions, likelihoods, and how sure a model has a right to be.',
  },
  {
    id: 'optimization',
    title: 'Optimization',
    blurb: 'Deciding what to minimise, and walking downhill until it is small.',
  },
  {
    id: 'networks',
    title: 'Networks',
    blurb: 'Layers stacked into a model and trained end to end.',
  },
] as const;

export type LabBranch = (typeof LAB_BRANCHES)[number]['id'];

/** Where a lab sits on the map. */
export interface LabCurriculum {
  branch: LabBranch;
  /** Position within its branch (1 first); the map numbers labs branch by branch. */
  order: number;
  /** The one question the lab answers, as a learner would ask it. */
  question: string;
}

/** A view (tab) of the lab: the keys that select it, set over whatever else is on screen. */
export interface LabView<P> {
  id: string;
  title: string;
  params: Partial<P>;
}

/** A state of the lab: `story` over the defaults (or the current params), then `view`, then `params`. */
export interface LabTarget<P> {
  story?: string;
  view?: string;
  params?: Partial<P>;
}

/** A formula the lab shows, by the names a learner would search for. */
export interface LabFormula<P> extends LabTarget<P> {
  id: string;
  title: string;
  /** The formula in its general form (KaTeX), no numbers from a state. */
  tex: string;
  /** Other words it is known by. */
  keywords?: readonly string[];
}

/**
 * A question asked before the learner looks. `answer` computes the right choice's index from
 * the step's params with the lab's own core math, so the check follows the simulation.
 */
export interface LabPrediction<P> {
  question: string;
  /** The choices, from the step's params (e.g. the racers on screen). */
  choices: (params: P) => readonly string[];
  answer: (params: P) => number;
  /** Why, once answered (plain words). */
  explain: string;
}

export interface LabTourStep<P> extends LabTarget<P> {
  title: string;
  /** What this step is about, in two or three sentences. */
  text: string;
  /** Where to look. */
  look: string;
  /** One thing to do before moving on. */
  act: string;
  predict?: LabPrediction<P>;
}

export interface LabTour<P> {
  id: string;
  title: string;
  /** One sentence: what the learner will have seen at the end. */
  summary: string;
  steps: readonly LabTourStep<P>[];
}

/**
 * A practice question with a numeric answer. The answer and the worked solution are computed
 * with the lab's core math when asked, so they cannot drift from what the lab shows.
 */
export interface LabExercise<P> extends LabTarget<P> {
  id: string;
  title: string;
  /** The question, in words. */
  prompt: string;
  /** The formula or data it refers to (KaTeX), if any. */
  tex?: string;
  answer: () => number;
  /** A typed answer is right when |typed − answer| ≤ tolerance. */
  tolerance: number;
  /** The worked solution, one KaTeX line per step, with the computed numbers. */
  solution: () => string[];
}

/** The optional fields a lab definition may carry (see LabDef). */
export interface LabGuide<P> {
  readonly curriculum?: LabCurriculum;
  readonly views?: readonly LabView<P>[];
  readonly formulas?: readonly LabFormula<P>[];
  readonly tours?: readonly LabTour<P>[];
  readonly exercises?: readonly LabExercise<P>[];
}

/**
 * A typed number: decimals with a point or a comma, a leading sign, an exponent, or a fraction
 * a/b. NaN when it is none of these.
 */
export function exerciseNumber(text: string): number {
  const t = text.trim().replace(/\s+/g, '').replace(/,/g, '.').replace(/[−–]/g, '-');
  const num = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
  const frac = t.split('/');
  if (frac.length === 2 && num.test(frac[0]) && num.test(frac[1]))
    return Number(frac[0]) / Number(frac[1]);
  return num.test(t) ? Number(t) : NaN;
}

/** Whether a typed answer is right (null when it is not a number). */
export function exerciseCheck(
  ex: Pick<LabExercise<never>, 'answer' | 'tolerance'>,
  text: string,
): boolean | null {
  const given = exerciseNumber(text);
  if (!Number.isFinite(given)) return null;
  return Math.abs(given - ex.answer()) <= ex.tolerance;
}

/** A number for a worked solution: up to `digits` significant digits, no trailing zeros. */
export function exerciseNum(v: number, digits = 4): string {
  return String(Number(v.toPrecision(digits)));
}

type GuidedDef<P> = LabGuide<P> & {
  readonly defaults: P;
  readonly presets: readonly LabPreset<P>[];
};

/**
 * The params a target names. With a story: the story over the defaults; without: `current`
 * (the defaults unless given). Then the view's keys, then the target's own params.
 */
export function labTargetParams<P extends LabParamsShape>(
  def: GuidedDef<P>,
  target: LabTarget<P>,
  current: P = def.defaults,
): P {
  let p = current;
  if (target.story) {
    const story = def.presets.find((s) => s.id === target.story);
    p = { ...def.defaults, ...story?.params };
  }
  if (target.view) p = { ...p, ...def.views?.find((v) => v.id === target.view)?.params };
  return target.params ? { ...p, ...target.params } : p;
}

/** Why a target cannot be shown (an unknown story or view, params outside the schema), or null. */
function targetProblem<P extends LabParamsShape>(
  def: GuidedDef<P> & { params: z.ZodType },
  target: LabTarget<P>,
  describe: (e: z.ZodError) => string,
): string | null {
  if (target.story && !def.presets.some((s) => s.id === target.story))
    return `names no story "${target.story}"`;
  if (target.view && !def.views?.some((v) => v.id === target.view))
    return `names no view "${target.view}"`;
  const r = def.params.safeParse(labTargetParams(def, target));
  return r.success ? null : `does not fit the schema: ${describe(r.error)}`;
}

function duplicate(ids: readonly string[]): string | null {
  return ids.find((id, k) => ids.indexOf(id) !== k) ?? null;
}

/**
 * Why the guide of a definition is inconsistent, or null: two views, formulas, tours or steps
 * under one id; a view, formula or tour step that names an unknown story or view or whose params
 * fail the schema; a tour without steps; a prediction with fewer than two choices.
 */
export function labGuideProblem<P extends LabParamsShape>(
  def: GuidedDef<P> & { params: z.ZodType },
  describe: (e: z.ZodError) => string,
): string | null {
  const c = def.curriculum;
  if (c && !(Number.isInteger(c.order) && c.order >= 1)) return 'curriculum order must be 1, 2, …';
  for (const [kind, list] of [
    ['views', def.views],
    ['formulas', def.formulas],
    ['tours', def.tours],
    ['exercises', def.exercises],
  ] as const) {
    const twice = duplicate((list ?? []).map((x) => x.id));
    if (twice) return `two ${kind} are called "${twice}"`;
  }
  for (const view of def.views ?? []) {
    const bad = targetProblem(def, { params: view.params }, describe);
    if (bad) return `view "${view.id}" ${bad}`;
  }
  for (const f of def.formulas ?? []) {
    const bad = targetProblem(def, f, describe);
    if (bad) return `formula "${f.id}" ${bad}`;
  }
  for (const ex of def.exercises ?? []) {
    const bad = targetProblem(def, ex, describe);
    if (bad) return `exercise "${ex.id}" ${bad}`;
  }
  for (const tour of def.tours ?? []) {
    if (tour.steps.length === 0) return `tour "${tour.id}" has no steps`;
    for (const [k, step] of tour.steps.entries()) {
      const bad = targetProblem(def, step, describe);
      if (bad) return `tour "${tour.id}" step ${k + 1} ${bad}`;
      const q = step.predict;
      if (q && q.choices(labTargetParams(def, step)).length < 2)
        return `tour "${tour.id}" step ${k + 1}: a prediction needs two choices`;
    }
  }
  return null;
}
