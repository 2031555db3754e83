import type { TeamStatus } from '../gql/graphql';
// Badge colours: each light variant was checked in Chromium with axe (teal, orange and red fail AA).

/** Badge colours whose light variant stays readable (checked like the phase colours). */
export const teamStatusColors: Record<TeamStatus, string> = {
  FORMING: 'indigo',
  VALIDATED: 'blue',
  WITHDRAWN: 'gray',
  DISQUALIFIED: 'dark',
};
