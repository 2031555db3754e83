// The phase machine as the organizer sees it: forward one step, or RESULTS back to JUDGING (RULES.md).
import type { HackathonPhase } from '../gql/graphql';

export const PHASES: readonly HackathonPhase[] = [
  'DRAFT',
  'REGISTRATION',
  'BUILDING',
  'JUDGING',
  'RESULTS',
  'ARCHIVED',
];

export function nextPhases(phase: HackathonPhase): HackathonPhase[] {
  const next = PHASES[PHASES.indexOf(phase) + 1];
  const moves: HackathonPhase[] = next ? [next] : [];
  if (phase === 'RESULTS') moves.push('JUDGING');
  return moves;
}
