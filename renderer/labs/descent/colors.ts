import { PALETTE } from '../../components/palette';
import { MAX_RACERS } from '../../../core/labs/descent/params';

/** Racer colours: the shared Okabe–Ito palette, one per racer. */
export const RACER_COLORS: readonly string[] = PALETTE.slice(0, MAX_RACERS);
