import { PALETTE } from '../../components/palette';

/** One colour per class (the app's palette, then two more for classes 9 and 10). */
export const CLASS_COLORS: readonly string[] = [...PALETTE, '#a6761d', '#66c2a5'];
