// Shared fixtures for the scene file tests: a few labs' parameter schemas and a valid scene.
import { z } from 'zod';
import type { LabParamSchemas, SceneFile } from '../../../core/scene/scene';
import { surfaceDescentParams } from '../../../core/sim/surface-descent';

/** Labs as the app would register them: id → parameter schema. */
export const labs: LabParamSchemas = {
  descent: surfaceDescentParams,
  'neural-net': z.strictObject({
    layers: z.array(z.number().int().min(1).max(512)).min(1).max(8),
    activation: z.enum(['relu', 'tanh', 'sigmoid']),
  }),
  dataset: z.strictObject({ points: z.array(z.number()).max(100_000) }),
};

/** A complete, valid version 2 scene of the descent lab. */
export function descentScene(): SceneFile {
  return {
    format: 'ml-math-lab-scene',
    version: 2,
    lab: 'descent',
    params: {
      surface: 'rosenbrock',
      grid: 64,
      start: [-1.5, 2],
      learningRate: 0.001,
      steps: 500,
      stepsPerFrame: 5,
    },
    camera: { position: [2.5, 3, 2.5], target: [0, 0.25, 0] },
    panels: { 'loss-chart': true, equations: false },
    playback: { position: 120 },
    seed: 42,
    title: 'Rosenbrock, η = 0.001',
    savedAt: '2026-11-23T10:15:00.000Z',
  };
}

/** The descent scene as a plain JSON object with one field replaced (for error cases). */
export function descentJson(patch: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...descentScene(), ...patch });
}
