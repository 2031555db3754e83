import fc from 'fast-check';
import { roundHalfAwayFromZero } from './rounding';

/** The decimal-string algorithm, applied to every value (the reference for the fast path). */
function reference(value: number, decimals: number): number {
  const shift = (x: number, e: number) => {
    const [mantissa, own] = String(x).split('e');
    return Number(`${mantissa}e${Number(own ?? 0) + e}`);
  };
  const magnitude = Number(Math.abs(value).toPrecision(15));
  return Math.sign(value) * shift(Math.round(shift(magnitude, decimals)), -decimals) || 0;
}

describe('roundHalfAwayFromZero', () => {
  it.each([
    [1.005, 2, 1.01],
    [2.675, 2, 2.68],
    [1.255, 2, 1.26],
    [-1.005, 2, -1.01],
    [0.5, 0, 1],
    [-0.5, 0, -1],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [1.0005, 3, 1.001],
    [72.345, 2, 72.35],
    [12.3449, 2, 12.34],
    [100, 2, 100],
    [0, 3, 0],
  ])('round(%p, %p) = %p', (value, decimals, expected) => {
    expect(roundHalfAwayFromZero(value, decimals)).toBe(expected);
  });

  it('rounds the exact result, not the float noise of the arithmetic', () => {
    expect(1.15 * 3).toBe(3.4499999999999997);
    expect(roundHalfAwayFromZero(1.15 * 3, 1)).toBe(3.5);
    expect(roundHalfAwayFromZero(0.1 + 0.2, 2)).toBe(0.3);
    expect(roundHalfAwayFromZero(4.35 * 3, 1)).toBe(13.1); // 13.049999999999999 in binary
  });

  it('handles numbers that print in exponent notation', () => {
    expect(roundHalfAwayFromZero(1e-7, 3)).toBe(0);
    expect(roundHalfAwayFromZero(5e-7, 6)).toBe(0.000001);
    expect(roundHalfAwayFromZero(1.5e21, 0)).toBe(1.5e21);
  });

  it('gives the decimal-string result for any score, tie or not', () => {
    const score = fc.oneof(
      fc.double({ min: -1000, max: 1000, noNaN: true }),
      // Exact decimal ties and their float-noise neighbours (x.xx5, x.xx5 ± 1 ulp).
      fc.tuple(fc.integer({ min: -200000, max: 200000 }), fc.integer({ min: -2, max: 2 })).map(
        ([k, ulps]) => {
          const v = (k + 0.5) / 1000;
          return ulps === 0 ? v : v + ulps * Number.EPSILON * Math.max(1, Math.abs(v));
        },
      ),
      // Means of a few weighted scores, as boards compute them.
      fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 7 }).map(
        (xs) => xs.reduce((a, x) => a + x / 1000, 0) / xs.length,
      ),
    );
    fc.assert(
      fc.property(score, fc.integer({ min: 0, max: 4 }), (value, decimals) => {
        expect(roundHalfAwayFromZero(value, decimals)).toBe(reference(value, decimals));
      }),
      { numRuns: 20_000 },
    );
  });

  it('never returns -0', () => {
    expect(Object.is(roundHalfAwayFromZero(-0.0001, 2), 0)).toBe(true);
  });

  it('leaves non-finite values alone and rejects silly decimals', () => {
    expect(roundHalfAwayFromZero(Number.NaN, 2)).toBeNaN();
    expect(roundHalfAwayFromZero(Infinity, 2)).toBe(Infinity);
    expect(() => roundHalfAwayFromZero(1, 1.5)).toThrow(RangeError);
  });
});
