/**
 * Regularization's place on the map, its two views, the penalties search finds by name, and a
 * guided tour whose predictions are checked with the lab's own model (the exact constrained
 * solution at the step's t).
 */
import type { LabGuide, LabTourStep } from '../guide';
import { regLabModel } from './model';
import type { RegLabParams } from './params';

/** The constrained solution at these params: w₁, w₂ (zeros are exact). */
export function regSolution(p: RegLabParams): [number, number] {
  const w = regLabModel(p).solution.w;
  return [w[0], w[1]];
}

const zeroCount = (p: RegLabParams) => regSolution(p).filter((w) => w === 0).length;

const steps: LabTourStep<RegLabParams>[] = [
  {
    title: 'A round budget',
    story: 'l2-never-zeroes',
    view: 'geometry',
    text: 'Ridge regression keeps the weights inside a disc: w₁² + w₂² ≤ t. The best weights inside are where the smallest error ellipse that reaches the disc touches it.',
    look: 'The point where an ellipse meets the circle on the plane, and the two weights beside the equations.',
    act: 'Drag the constraint size t toward 0 and watch the touching point slide toward the origin.',
    predict: {
      question: 'With this small budget, how many of the two weights are exactly 0?',
      choices: () => ['None', 'One', 'Both'],
      answer: zeroCount,
      explain:
        'A circle has no corners: an ellipse meets it at a point off both axes, so both weights shrink but stay non-zero.',
    },
  },
  {
    title: 'A budget with corners',
    story: 'lasso-picks-one',
    view: 'geometry',
    text: 'The lasso measures the weights by |w₁| + |w₂|, so its budget is a diamond whose corners lie on the axes. Tilted ellipses tend to reach a corner before any edge.',
    look: 'Which corner of the diamond the ellipse touches.',
    act: 'Switch the penalty between L1 and L2 and compare the touching points.',
    predict: {
      question: 'Which weight does the lasso set to exactly 0 here?',
      choices: () => ['w₁', 'w₂', 'Neither'],
      answer: (p) => {
        const k = regSolution(p).findIndex((w) => w === 0);
        return k < 0 ? 2 : k;
      },
      explain:
        'The two features are strongly correlated, so the ellipses are long and tilted; they reach the corner on the axis of the stronger feature first, where the other weight is 0.',
    },
  },
  {
    title: 'Loosen the budget',
    story: 'lasso-picks-one',
    view: 'geometry',
    params: { tFraction: 0.8 },
    text: 'A larger t grows the diamond. Once the ellipse reaches an edge instead of a corner, the second weight leaves zero.',
    look: 'The touching point as it moves off the corner along an edge.',
    act: 'Move t slowly from here down to 0.25 and find where w₂ becomes exactly 0.',
    predict: {
      question: 'At this larger budget, is w₂ still exactly 0?',
      choices: () => ['Yes', 'No'],
      answer: (p) => (regSolution(p)[1] === 0 ? 0 : 1),
      explain:
        'With more room the best point lies on an edge of the diamond, where both weights are non-zero.',
    },
  },
  {
    title: 'The whole path at once',
    story: 'lasso-picks-one',
    view: 'paths',
    text: 'Instead of one budget, the path chart solves the problem for every penalty weight λ. Reading it from strong to weak penalty shows the order in which features enter the model.',
    look: 'Where each coefficient’s line leaves 0, and the test error along the same axis.',
    act: 'Switch the path between lasso and ridge and compare where the lines start.',
  },
  {
    title: 'A compromise',
    story: 'elastic-net-keeps-both',
    view: 'geometry',
    text: 'The elastic net mixes the two penalties. Its region has rounded corners, so correlated features can share the weight instead of one taking it all.',
    look: 'The rounded corners of the region and the two weights.',
    act: 'Slide the mix toward pure L1 and watch one weight drop to 0.',
    predict: {
      question: 'With the mixed penalty, how many weights are exactly 0?',
      choices: () => ['None', 'One', 'Both'],
      answer: zeroCount,
      explain:
        'The rounded corners let the ellipse touch between the axes, so both correlated features stay in.',
    },
  },
];

export const REGULARIZATION_GUIDE: LabGuide<RegLabParams> = {
  curriculum: {
    branch: 'optimization',
    order: 3,
    question: 'Why does an L1 penalty set weights to exactly zero while L2 only shrinks them?',
  },
  views: [
    {
      id: 'geometry',
      title: 'Geometry: regions, ellipses and the 3D surface',
      params: { view: 'geometry' },
    },
    { id: 'paths', title: 'Coefficient paths and the prior', params: { view: 'paths' } },
  ],
  formulas: [
    {
      id: 'lasso',
      title: 'Lasso (L1) objective',
      tex: '\\min_w \\tfrac{1}{2n}\\lVert y - Xw\\rVert_2^2 + \\lambda \\lVert w\\rVert_1',
      keywords: ['L1', 'sparse', 'soft threshold'],
      story: 'lasso-picks-one',
    },
    {
      id: 'ridge',
      title: 'Ridge (L2) objective',
      tex: '\\min_w \\tfrac{1}{2n}\\lVert y - Xw\\rVert_2^2 + \\tfrac{\\lambda}{2} \\lVert w\\rVert_2^2',
      keywords: ['L2', 'weight decay', 'Tikhonov'],
      story: 'l2-never-zeroes',
    },
    {
      id: 'elastic-net',
      title: 'Elastic net penalty',
      tex: 'P_\\alpha(w) = \\alpha\\lVert w\\rVert_1 + \\tfrac{1-\\alpha}{2}\\lVert w\\rVert_2^2',
      keywords: ['mix', 'alpha'],
      story: 'elastic-net-keeps-both',
    },
    {
      id: 'constraint',
      title: 'Penalty as a constraint (Lagrange multiplier)',
      tex: '\\min_w L(w)\\ \\text{s.t.}\\ P_\\alpha(w) \\le t \\iff \\min_w L(w) + \\lambda^* P_\\alpha(w)',
      keywords: ['Lagrange', 'KKT', 'budget'],
      view: 'geometry',
    },
    {
      id: 'map-prior',
      title: 'Penalty as a prior (MAP)',
      tex: '\\hat w_{\\text{MAP}} = \\arg\\max_w\\ \\log p(y\\mid w) + \\log p(w)',
      keywords: ['Laplace prior', 'Gaussian prior', 'Bayes', 'MAP'],
      view: 'paths',
    },
  ],
  tours: [
    {
      id: 'why-lasso-is-sparse',
      title: 'Why the lasso gives exact zeros',
      summary:
        'A round budget, a diamond budget, the path over every λ, and the elastic net between them.',
      steps,
    },
  ],
};
