/**
 * Every number the Probability lab shows, from its params: one pure function per view (each in
 * its own module), and `probModel` for all of them at once (export, tests). The views memoise
 * each part on the params it reads, so dragging a logit never re-simulates the classifier.
 */
import {
  probCalibrationData,
  probCalibrationModel,
  type ProbCalibrationModel,
} from './model-calibration';
import { probEntropyModel, type ProbEntropyModel } from './model-entropy';
import { probLseModel, type ProbLseModel } from './model-lse';
import { probSoftmaxModel, type ProbSoftmaxModel } from './model-softmax';
import type { ProbParams } from './params';

export interface ProbModel {
  softmax: ProbSoftmaxModel;
  lse: ProbLseModel;
  entropy: ProbEntropyModel;
  calibration: ProbCalibrationModel;
}

export function probModel(p: ProbParams): ProbModel {
  const { scaling, temperature, ...rest } = p.calibration;
  const data = probCalibrationData({ ...rest, seed: p.seed });
  return {
    softmax: probSoftmaxModel(p.softmax),
    lse: probLseModel(p.softmax, p.shift),
    entropy: probEntropyModel(p.entropy),
    calibration: probCalibrationModel(data, { scaling, temperature, bins: p.calibration.bins }),
  };
}
