import { useMemo } from 'react';
import { regLabModel, type RegLabModel } from '../../../core/labs/regularization/model';
import type { RegLabParams } from '../../../core/labs/regularization/params';

/**
 * The model, recomputed only when a field it depends on changes (not for view choices such as
 * the 3D surface or the path method; read those from the store).
 */
export function useRegLabModel(params: RegLabParams): RegLabModel {
  const { correlation, noise, n, trueWeights, seed, alpha, tFraction } = params;
  const [w1, w2] = trueWeights;
  return useMemo(
    () => regLabModel({ correlation, noise, n, trueWeights: [w1, w2], seed, alpha, tFraction }),
    [correlation, noise, n, w1, w2, seed, alpha, tFraction],
  );
}
