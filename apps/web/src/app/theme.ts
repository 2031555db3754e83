// Mantine theme: colours chosen so every text/background pair we use meets WCAG AA (checked in theme.test.ts).
import { createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 8 on white is 5.7:1; Mantine's default (6) would be 4.3:1, below AA for button labels.
  primaryShade: 8,
  // Keyboard users always see where they are; mouse clicks do not draw a ring.
  focusRing: 'auto',
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '700' },
});

/** Variables Mantine sets to shades that fail AA on white (dimmed and placeholder gray.6 = 3.3:1, error red.6 = 3.3:1). */
export const accessibleColors = {
  dimmed: 'var(--mantine-color-gray-7)',
  placeholder: '#666e76',
  error: 'var(--mantine-color-red-9)',
  success: 'var(--mantine-color-teal-9)',
} as const;

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': accessibleColors.dimmed,
    '--mantine-color-placeholder': accessibleColors.placeholder,
    '--mantine-color-error': accessibleColors.error,
    '--mantine-color-success': accessibleColors.success,
  },
  dark: {},
});

/** Badge colours for the hackathon phases: each one's light variant (shade 9 on shade 1) is ≥ 4.5:1. */
export const phaseColors = {
  DRAFT: 'gray',
  REGISTRATION: 'indigo',
  BUILDING: 'violet',
  JUDGING: 'grape',
  RESULTS: 'blue',
  ARCHIVED: 'gray',
} as const;
