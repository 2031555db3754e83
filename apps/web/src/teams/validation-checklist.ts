// What a team still needs before its mentor can validate it (mirrors RULES.md; the API decides).
import type { TeamDetailsFragment } from '../gql/graphql';

export type MissingItem =
  | { kind: 'mentor' }
  | { kind: 'tooFew'; min: number }
  | { kind: 'tooMany'; max: number }
  | { kind: 'inactive'; names: string[] }
  | { kind: 'consent'; names: string[] };

/** Under 15 in the current calendar year: France's age of digital consent. */
export function needsParentalConsent(birthYear: number, now = new Date()): boolean {
  return now.getFullYear() - birthYear < 15;
}

export function missingForValidation(team: TeamDetailsFragment, now = new Date()): MissingItem[] {
  const missing: MissingItem[] = [];
  if (!team.mentor) missing.push({ kind: 'mentor' });
  const count = team.members.length;
  if (count < team.hackathon.minTeamSize)
    missing.push({ kind: 'tooFew', min: team.hackathon.minTeamSize });
  if (count > team.hackathon.maxTeamSize)
    missing.push({ kind: 'tooMany', max: team.hackathon.maxTeamSize });
  const inactive = team.members.filter((m) => m.user.status !== 'ACTIVE');
  if (inactive.length)
    missing.push({ kind: 'inactive', names: inactive.map((m) => m.user.displayName) });
  // Birth years are visible to the pupil themself, their teachers and organizers only.
  const withoutConsent = team.members.filter(
    (m) =>
      m.user.birthYear != null &&
      needsParentalConsent(m.user.birthYear, now) &&
      m.user.parentalConsentConfirmed === false,
  );
  if (withoutConsent.length)
    missing.push({ kind: 'consent', names: withoutConsent.map((m) => m.user.displayName) });
  return missing;
}
