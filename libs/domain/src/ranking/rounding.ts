// Decimal rounding for displayed and stored scores.

/**
 * Rounds half away from zero on the *decimal* value (round(1.005, 2) = 1.01,
 * round(-2.5, 0) = -3), which `toFixed` and `Math.round(x * 100) / 100` get
 * wrong because 1.005 is stored as 1.00499999….
 *
 * The value is first read back at 15 significant digits — the precision a
 * double guarantees — so arithmetic noise (1.15 * 3 = 3.4499999999999997)
 * rounds like the exact result (3.45 → 3.5) instead of depending on the last bit.
 */
export function roundHalfAwayFromZero(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new RangeError(`decimals must be an integer in 0..20, got ${decimals}`);
  }
  const abs = Math.abs(value);
  // Fast path (a board ranks thousands of scores): when the scaled value is clearly away from
  // a tie, neither the float noise nor the 15-digit reading can change the rounding, and
  // k / 10^d is the same double as the decimal k·10^-d (both correctly rounded).
  const scale = 10 ** decimals;
  const scaled = abs * scale;
  if (scaled < 2 ** 52) {
    const fraction = scaled - Math.floor(scaled);
    if (Math.abs(fraction - 0.5) > 1e-9 * Math.max(1, scaled)) {
      return Math.sign(value) * (Math.round(scaled) / scale) || 0;
    }
  }
  const magnitude = Number(abs.toPrecision(15));
  const rounded = shift(Math.round(shift(magnitude, decimals)), -decimals);
  // `|| 0` turns -0 into 0, so a tiny negative score never shows as "-0".
  return Math.sign(value) * rounded || 0;
}

/** x × 10^exponent through the decimal string, so no binary error is added. */
function shift(x: number, exponent: number): number {
  const [mantissa, ownExponent] = String(x).split('e');
  return Number(`${mantissa}e${Number(ownExponent ?? 0) + exponent}`);
}
