/**
 * The numbers of the calibration view, in two steps so the views can keep the expensive one:
 * `probCalibrationData` simulates the classifier, fits T on the held-out set and samples the
 * test-set NLL and ECE over T (depends on the classifier, the sizes and the seed);
 * `probCalibrationModel` adds the reliability diagrams before and after scaling at the T in use.
 *
 * It also shows that correlation is not calibration: Pearson's r between confidence and
 * correctness barely moves under temperature scaling while the ECE falls, and r does not move at
 * all when every confidence is pushed halfway to 1 (c ↦ (1 + c)/2, an affine map), while the
 * ECE of those confidences grows.
 */
import {
  CAL_T_RANGE,
  calPredict,
  calReliability,
  calTemperatureFit,
  pearson,
  temperatureGrid,
  type CalPredictions,
  type CalReliability,
} from '../../ml/probability-calibration';
import { calSetScaled, calSimulate, type CalSet } from '../../ml/probability-calibration-data';
import type { ProbCalibrationParams } from './params';

/** The simulated classifier's margin spread (see calSimulate). */
export const CAL_MARGIN_MAX = 6;
/** Temperatures at which the test-set NLL and ECE curves are sampled. */
export const CAL_CURVE_T = temperatureGrid(0.1, 10, 31);

export interface ProbCalibrationData {
  heldOut: CalSet;
  test: CalSet;
  fit: ReturnType<typeof calTemperatureFit>;
  /** Test-set NLL and ECE at each T of CAL_CURVE_T. */
  nllCurve: Float64Array;
  eceCurve: Float64Array;
  raw: CalPredictions;
  rawReliability: CalReliability;
  rawNll: number;
  rawPearson: number;
}

export type ProbCalibrationDataInputs = Omit<ProbCalibrationParams, 'scaling' | 'temperature'> & {
  seed: number;
};

/**
 * The examples for (n, k, seed) at β = 1, kept from the last call: moving the β slider only
 * rescales them (calSimulate draws the same examples for every β and multiplies by β last).
 */
let unitCache: { key: string; sets: { heldOut: CalSet; test: CalSet } } | null = null;

function unitSets(c: ProbCalibrationDataInputs) {
  const key = `${c.samples}/${c.classes}/${c.seed}`;
  if (unitCache?.key !== key) {
    const sets = calSimulate({
      n: c.samples,
      classes: c.classes,
      confidence: 1,
      seed: c.seed,
      marginMax: CAL_MARGIN_MAX,
    });
    unitCache = { key, sets };
  }
  return unitCache.sets;
}

export function probCalibrationData(c: ProbCalibrationDataInputs): ProbCalibrationData {
  const unit = unitSets(c);
  const heldOut = calSetScaled(unit.heldOut, c.confidence);
  const test = calSetScaled(unit.test, c.confidence);
  const fit = calTemperatureFit(heldOut);
  const nllCurve = new Float64Array(CAL_CURVE_T.length);
  const eceCurve = new Float64Array(CAL_CURVE_T.length);
  CAL_CURVE_T.forEach((t, i) => {
    const at = calPredict(test, t);
    nllCurve[i] = at.nll;
    eceCurve[i] = calReliability(at, c.bins).ece;
  });
  const raw = calPredict(test, 1);
  return {
    heldOut,
    test,
    fit,
    nllCurve,
    eceCurve,
    raw,
    rawReliability: calReliability(raw, c.bins),
    rawNll: raw.nll,
    rawPearson: pearson(raw.confidence, raw.correct),
  };
}

export interface ProbCalibrationModel {
  data: ProbCalibrationData;
  /** The T applied: fitted on the held-out set, or chosen by hand. */
  temperature: number;
  scaled: CalPredictions;
  scaledReliability: CalReliability;
  scaledNll: number;
  scaledPearson: number;
  /** The scaled confidences moved halfway to 1: same r, different ECE. */
  squashed: { pearson: number; ece: number };
  /** Whether the fitted T hit the end of its search range. */
  fitAtLimit: boolean;
}

export function probCalibrationModel(
  data: ProbCalibrationData,
  c: Pick<ProbCalibrationParams, 'scaling' | 'temperature' | 'bins'>,
): ProbCalibrationModel {
  const temperature = c.scaling === 'fitted' ? data.fit.temperature : c.temperature;
  const scaled = calPredict(data.test, temperature);
  const squashed: CalPredictions = {
    confidence: scaled.confidence.map((v) => (1 + v) / 2),
    correct: scaled.correct,
    nll: NaN,
  };
  const t = data.fit.temperature;
  return {
    data,
    temperature,
    scaled,
    scaledReliability: calReliability(scaled, c.bins),
    scaledNll: scaled.nll,
    scaledPearson: pearson(scaled.confidence, scaled.correct),
    squashed: {
      pearson: pearson(squashed.confidence, squashed.correct),
      ece: calReliability(squashed, c.bins).ece,
    },
    fitAtLimit: t <= CAL_T_RANGE.min * (1 + 1e-9) || t >= CAL_T_RANGE.max * (1 - 1e-9),
  };
}
