/**
 * The lab's models, each recomputed only when the params it reads change, so dragging a logit
 * never re-simulates the classifier and moving the calibration T never refits it. The
 * classifier's simulation and fit (tens of ms at 5000 examples) read deferred params, so its
 * sliders stay responsive while the diagrams catch up.
 */
import { useDeferredValue, useMemo } from 'react';
import {
  probCalibrationData,
  probCalibrationModel,
  type ProbCalibrationModel,
} from '../../../core/labs/probability/model-calibration';
import {
  probEntropyModel,
  type ProbEntropyModel,
} from '../../../core/labs/probability/model-entropy';
import { probLseModel, type ProbLseModel } from '../../../core/labs/probability/model-lse';
import {
  probSoftmaxModel,
  type ProbSoftmaxModel,
} from '../../../core/labs/probability/model-softmax';
import { useProbStore } from './store';

export function useSoftmaxModel(): ProbSoftmaxModel {
  const sm = useProbStore((s) => s.params.softmax);
  return useMemo(() => probSoftmaxModel(sm), [sm]);
}

export function useLseModel(): ProbLseModel {
  const sm = useProbStore((s) => s.params.softmax);
  const shift = useProbStore((s) => s.params.shift);
  return useMemo(() => probLseModel(sm, shift), [sm, shift]);
}

export function useEntropyModel(): ProbEntropyModel {
  const e = useProbStore((s) => s.params.entropy);
  return useMemo(() => probEntropyModel(e), [e]);
}

export function useCalibrationModel(): ProbCalibrationModel {
  const c = useDeferredValue(useProbStore((s) => s.params.calibration));
  const seed = useDeferredValue(useProbStore((s) => s.params.seed));
  const { confidence, classes, samples, bins, scaling, temperature } = c;
  const data = useMemo(
    () => probCalibrationData({ confidence, classes, samples, bins, seed }),
    [confidence, classes, samples, bins, seed],
  );
  return useMemo(
    () => probCalibrationModel(data, { scaling, temperature, bins }),
    [data, scaling, temperature, bins],
  );
}
