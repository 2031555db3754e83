import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { accessibleColors, phaseColors, theme } from './theme';

const resolved = mergeMantineTheme(DEFAULT_THEME, theme);

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const shade = (color: string, index: number) => resolved.colors[color][index];
const WHITE = '#ffffff';

describe('theme contrast (WCAG AA, 4.5:1 for text)', () => {
  it('keeps white labels on filled primary buttons readable, at rest and on hover', () => {
    const primary = resolved.primaryShade as number;
    expect(contrast(shade(resolved.primaryColor, primary), WHITE)).toBeGreaterThanOrEqual(4.5);
    expect(
      contrast(shade(resolved.primaryColor, Math.min(primary + 1, 9)), WHITE),
    ).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps links, dimmed text, placeholders and errors readable on white', () => {
    expect(
      contrast(shade(resolved.primaryColor, resolved.primaryShade as number), WHITE),
    ).toBeGreaterThanOrEqual(4.5);
    expect(contrast(shade('gray', 7), WHITE)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(accessibleColors.placeholder, WHITE)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(shade('red', 9), WHITE)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(shade('teal', 9), WHITE)).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps phase badges readable (light variant: shade 9 on shade 1)', () => {
    for (const color of Object.values(phaseColors)) {
      expect(contrast(shade(color, 9), shade(color, 1)), color).toBeGreaterThanOrEqual(4.5);
    }
  });
});
