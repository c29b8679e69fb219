/**
 * The app's categorical palette: Okabe–Ito (black replaced by light grey for the dark theme),
 * distinguishable for colour-blind viewers and on a washed-out projector. Every lab that colours
 * series by index uses this list, so colour means the same thing everywhere.
 */
export const PALETTE = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#F0E442',
  '#CC79A7',
  '#D55E00',
  '#0072B2',
  '#BBBBBB',
] as const;

/** The same colours by name, for labs that give roles to colours rather than indices. */
export const PALETTE_NAMED = {
  orange: PALETTE[0],
  sky: PALETTE[1],
  green: PALETTE[2],
  yellow: PALETTE[3],
  pink: PALETTE[4],
  vermillion: PALETTE[5],
  blue: PALETTE[6],
  grey: PALETTE[7],
} as const;
