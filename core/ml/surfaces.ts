/**
 * The loss-surface library for the Descent lab: every built-in 2D surface f(x, y), with exact
 * gradients and Hessians, built with default parameters. Use `surface.withParams({...})` for a
 * variant and `surfaceById` to look one up.
 */
import { dataSurfaceLinearRegression, dataSurfaceLogistic } from './data-surfaces';
import {
  surfaceBeale,
  surfaceBooth,
  surfaceBowl,
  surfaceEllipse,
  surfaceHimmelblau,
  surfaceMatyas,
  surfaceRosenbrock,
} from './surfaces-classic';
import {
  surfaceAckley,
  surfacePlateau,
  surfaceRastrigin,
  surfaceTwoWells,
} from './surfaces-landscapes';
import { surfaceMonkeySaddle, surfaceSaddle, surfaceSixHumpCamel } from './surfaces-saddles';
import { surfaceFromDefinition, type Surface, type SurfaceDefinition } from './surfaces-types';

export type {
  NumOut,
  ParamSpec,
  ParamValues,
  Point2,
  Surface,
  SurfaceDomain,
  SurfaceMinimum,
} from './surfaces-types';
export { paramsResolve } from './surfaces-types';

/** Every surface family, in the order a picker should list them. */
export const SURFACE_DEFINITIONS: readonly SurfaceDefinition[] = [
  surfaceBowl,
  surfaceEllipse,
  surfaceRosenbrock,
  surfaceBeale,
  surfaceHimmelblau,
  surfaceBooth,
  surfaceMatyas,
  surfaceSaddle,
  surfaceMonkeySaddle,
  surfaceSixHumpCamel,
  surfaceRastrigin,
  surfaceAckley,
  surfacePlateau,
  surfaceTwoWells,
];

/**
 * The registry: every built-in surface instantiated with its default parameters, followed by the
 * two data-derived surfaces (linear-regression MSE, logistic cross-entropy) from data-surfaces.ts.
 */
export const SURFACES: readonly Surface[] = [
  ...SURFACE_DEFINITIONS.map((def) => surfaceFromDefinition(def)),
  dataSurfaceLinearRegression(),
  dataSurfaceLogistic(),
];

const byId = new Map(SURFACES.map((s) => [s.id, s]));

/**
 * Looks up a built-in surface by id; with `params`, returns that surface rebuilt with those
 * parameter values (clamped to their ranges). Unknown id → undefined.
 */
export function surfaceById(
  id: string,
  params?: Readonly<Partial<Record<string, number>>>,
): Surface | undefined {
  const surface = byId.get(id);
  if (!surface || !params) return surface;
  return surface.withParams(params);
}
