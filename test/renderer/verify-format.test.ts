// How the verification page writes a measured error or a tolerance.
import { describe, expect, it } from 'vitest';
import { verifyNumber } from '../../renderer/shell/verify/verify-format';

describe('verifyNumber', () => {
  it('writes m × 10ᵉ with up to three significant digits, 10ᵉ for a power of ten, 0 as 0', () => {
    expect(verifyNumber(8.349e-12)).toBe('8.35 × 10⁻¹²');
    expect(verifyNumber(1.3e-9)).toBe('1.3 × 10⁻⁹');
    expect(verifyNumber(1e-6)).toBe('10⁻⁶');
    expect(verifyNumber(2.5e3)).toBe('2.5 × 10³');
    expect(verifyNumber(0)).toBe('0');
    expect(verifyNumber(Infinity)).toBe('Infinity');
  });
});
