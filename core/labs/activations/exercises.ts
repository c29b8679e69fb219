/**
 * Activations' practice questions: the sigmoid's slope at one point, and the gradient through a
 * three-link tanh chain. Answers and worked solutions come from the activations and the chain
 * product in core, with the question's numbers defined once here.
 */
import { ACTIVATIONS } from '../../ml/activations';
import { gradientChainProduct } from '../../sim/gradient-flow';
import { exerciseNum as n, type LabExercise } from '../guide';
import { ACTIVATIONS_DEFAULTS, type ActivationsParams } from './params';

const SLOPE_AT = 1;
/** w = 1 keeps the worked product to the three slopes (the solution says so). */
const CHAIN = { id: 'tanh' as const, links: 3, x0: 0.5, weight: 1 };

const chain = () => gradientChainProduct(CHAIN.id, CHAIN.links, CHAIN.x0, CHAIN.weight);

export const ACTIVATIONS_EXERCISES: LabExercise<ActivationsParams>[] = [
  {
    id: 'sigmoid-slope',
    title: 'The sigmoid’s slope',
    view: 'gallery',
    params: { gallery: { ...ACTIVATIONS_DEFAULTS.gallery, focus: 'sigmoid' } },
    prompt: `What is σ′(${SLOPE_AT}), the slope of the sigmoid at x = ${SLOPE_AT}?`,
    tex: "\\sigma(x) = \\frac{1}{1 + e^{-x}},\\quad \\sigma' = \\sigma\\,(1 - \\sigma)",
    answer: () => ACTIVATIONS.sigmoid.df(SLOPE_AT),
    tolerance: 5e-4,
    solution: () => {
      const s = ACTIVATIONS.sigmoid.f(SLOPE_AT);
      return [
        `\\sigma'(x) \\text{ is at most } \\tfrac14\\text{, reached only at } x = 0`,
        `\\sigma(${SLOPE_AT}) = 1 / (1 + e^{-${SLOPE_AT}}) = ${n(s)}`,
        `\\sigma'(${SLOPE_AT}) = ${n(s)} \\cdot (1 - ${n(s)}) = ${n(ACTIVATIONS.sigmoid.df(SLOPE_AT))}`,
      ];
    },
  },
  {
    id: 'tanh-chain',
    title: 'A gradient through three tanh links',
    view: 'gallery',
    params: { gallery: { ...ACTIVATIONS_DEFAULTS.gallery, focus: 'tanh' } },
    prompt: `A chain hₖ = tanh(w·hₖ₋₁) has ${CHAIN.links} links, w = ${CHAIN.weight} and h₀ = ${CHAIN.x0}. What is ∂h₃/∂h₀?`,
    tex: "\\frac{\\partial h_3}{\\partial h_0} = \\prod_{k=1}^{3} w\\,\\tanh'(w\\,h_{k-1})",
    answer: () => chain().products[CHAIN.links - 1],
    tolerance: 1e-3,
    solution: () => {
      const c = chain();
      const z = Array.from(c.z);
      const d = Array.from(c.derivatives);
      return [
        `\\tanh'(z) = 1 - \\tanh^2 z,\\quad z_k = w\\,h_{k-1}`,
        ...z.map((v, k) => `z_${k + 1} = ${n(v)},\\quad \\tanh'(z_${k + 1}) = ${n(d[k])}`),
        `\\partial h_3/\\partial h_0 = w^3\\,\\textstyle\\prod_k \\tanh'(z_k)\\text{, with } w = ${CHAIN.weight}`,
        `= ${d.map((v) => n(v)).join(' \\cdot ')} = ${n(c.products[CHAIN.links - 1])}`,
      ];
    },
  },
];
