/**
 * The whole state of the Activations lab a scene file or URL carries: which activations the
 * gallery overlays, the gradient-flow training settings and the scalar chain. Validated with zod
 * on the way in; presets are the gradient-flow stories. Pure data: no React here.
 */
import { z } from 'zod';
import { ACTIVATIONS, type ActivationId } from '../../ml/activations';
import { gradientFlowParams, type GradientFlowParams } from '../../sim/gradient-flow-sim';
import type { LabPreset } from '../define';

/** The gallery overlays at most one activation per colour of the app's eight-colour palette. */
export const MAX_OVERLAID = 8;

/** Histogram bins per layer the lab asks the simulation for. */
export const FLOW_BINS = 24;

const activationIds = Object.keys(ACTIVATIONS) as [ActivationId, ...ActivationId[]];

const galleryEntry = z.object({
  id: z.enum(activationIds),
  /** Index into the palette; kept with the entry so a curve keeps its colour. */
  color: z
    .number()
    .int()
    .min(0)
    .max(MAX_OVERLAID - 1),
});
export type GalleryEntry = z.infer<typeof galleryEntry>;

export const flowSettingsSchema = gradientFlowParams.omit({ bins: true });
/** Everything the gradient-flow simulation needs except the histogram resolution. */
export type FlowSettings = z.infer<typeof flowSettingsSchema>;

export const activationsParamsSchema = z.object({
  gallery: z.object({
    selected: z.array(galleryEntry).max(MAX_OVERLAID),
    /** The activation whose formulas are typeset. */
    focus: z.enum(activationIds),
    /** The plot spans x ∈ [−range, range]. */
    range: z.number().min(1).max(20),
  }),
  flow: flowSettingsSchema,
  /** The view on screen; part of the scene so a deck step shows the view it was saved on. */
  tab: z.enum(['gallery', 'flow']).default('gallery'),
  chain: z.object({
    /** Input h₀ of the scalar chain. */
    x0: z.number().min(-5).max(5),
    /** Weight w of every link h_k = f(w·h_{k−1}). */
    weight: z.number().min(-4).max(4),
  }),
});
export type ActivationsParams = z.infer<typeof activationsParamsSchema>;

/** A gradient-flow story: training settings plus what to look for (the gallery and chain stay). */
export interface FlowPreset extends LabPreset<ActivationsParams> {
  params: { flow: FlowSettings };
}

/** Depth 20, width 16, batch 32, two moons, seed 1: each preset changes only what it names. */
const STORY_BASE: FlowSettings = {
  depth: 20,
  width: 16,
  batchSize: 32,
  steps: 1500,
  lr: 0.1,
  activation: 'sigmoid',
  init: 'xavier-uniform',
  batchNorm: false,
  residual: false,
  clipNorm: 0,
  dataset: 'moons',
  seed: 1,
};

export const FLOW_PRESETS: readonly FlowPreset[] = [
  {
    id: 'deep-sigmoid',
    title: 'Deep sigmoid',
    story:
      'Each sigmoid layer multiplies the backward signal by σ′ ≤ ¼. After 20 layers the first layer receives 10⁻¹² to 10⁻⁹ of the last layer’s gradient, and the loss hardly moves.',
    params: { flow: STORY_BASE },
  },
  {
    id: 'relu-he',
    title: 'ReLU + He',
    story:
      'He initialization (variance 2/n) makes up for ReLU zeroing half of the signal, so every layer’s gradient stays within an order of magnitude of the others and the net learns.',
    params: { flow: { ...STORY_BASE, activation: 'relu', init: 'he-normal', lr: 0.02 } },
  },
  {
    id: 'sigmoid-bn',
    title: 'Sigmoid + batch norm',
    story:
      'The same deep sigmoid net, with each pre-activation normalized over the batch. The first layer’s gradient goes from 10⁻¹² of the last layer’s to about the same size, and the net learns.',
    params: { flow: { ...STORY_BASE, batchNorm: true } },
  },
  {
    id: 'sigmoid-residual',
    title: 'Sigmoid + skip connections',
    story:
      'With h ← h + σ(Wh + b) the gradient has a path around every sigmoid. The first layer gets about 1/100 of the last layer’s gradient instead of 10⁻¹².',
    params: { flow: { ...STORY_BASE, residual: true } },
  },
  {
    id: 'large-init',
    title: 'Large init: explodes',
    story:
      'Weights from U(−2, 2) amplify the signal about 3× per ReLU layer. The first gradient norm is near 10¹⁰, the first update wrecks the weights, and the run hits NaN at step 3.',
    params: { flow: { ...STORY_BASE, activation: 'relu', init: 'large-uniform' } },
  },
  {
    id: 'large-init-clipped',
    title: 'Large init + clipping',
    story:
      'The same exploding net with the gradient clipped to norm 1: every update stays small, the run stays finite and the loss falls from about 10⁹ to below 1. But nearly every ReLU layer ends up dead (gradient exactly 0, drawn black): clipping stops the blow-up, it does not repair the initialization.',
    params: { flow: { ...STORY_BASE, activation: 'relu', init: 'large-uniform', clipNorm: 1 } },
  },
];

export const ACTIVATIONS_DEFAULTS: ActivationsParams = {
  gallery: {
    selected: [
      { id: 'sigmoid', color: 0 },
      { id: 'tanh', color: 1 },
      { id: 'relu', color: 2 },
      { id: 'gelu', color: 4 },
    ],
    focus: 'sigmoid',
    range: 6,
  },
  flow: FLOW_PRESETS[0].params.flow,
  tab: 'gallery',
  chain: { x0: 0.5, weight: 1 },
};

/** What a story leaves as it is: the gallery, the chain and the view shown. */
export const ACTIVATIONS_PRESET_KEEPS = ['gallery', 'chain', 'tab'] as const;

/** The simulation's params for the lab's flow settings. */
export function flowSimParams(flow: FlowSettings): GradientFlowParams {
  return { ...flow, bins: FLOW_BINS };
}

/** The lowest palette index no selected entry uses, or −1 when all are taken. */
export function galleryFreeColor(selected: readonly GalleryEntry[]): number {
  for (let c = 0; c < MAX_OVERLAID; c++) if (!selected.some((e) => e.color === c)) return c;
  return -1;
}
