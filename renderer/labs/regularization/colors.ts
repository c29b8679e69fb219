import { PALETTE_NAMED } from '../../components/palette';

/** Okabe–Ito colours by role, from the shared palette (renderer/components/palette.ts). */
export const OKABE = { ...PALETTE_NAMED, purple: PALETTE_NAMED.pink } as const;
