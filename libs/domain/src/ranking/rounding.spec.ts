import { roundHalfAwayFromZero } from './rounding';

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

  it('never returns -0', () => {
    expect(Object.is(roundHalfAwayFromZero(-0.0001, 2), 0)).toBe(true);
  });

  it('leaves non-finite values alone and rejects silly decimals', () => {
    expect(roundHalfAwayFromZero(Number.NaN, 2)).toBeNaN();
    expect(roundHalfAwayFromZero(Infinity, 2)).toBe(Infinity);
    expect(() => roundHalfAwayFromZero(1, 1.5)).toThrow(RangeError);
  });
});
