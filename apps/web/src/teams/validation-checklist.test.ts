import { describe, expect, it } from 'vitest';
import type { TeamDetailsFragment } from '../gql/graphql';
import { missingForValidation, needsParentalConsent } from './validation-checklist';

const member = (
  name: string,
  extra: Partial<TeamDetailsFragment['members'][number]['user']> = {},
) => ({
  __typename: 'TeamMember' as const,
  captain: false,
  joinedAt: '2026-01-01T00:00:00Z',
  user: {
    __typename: 'User' as const,
    id: name,
    displayName: name,
    status: 'ACTIVE' as const,
    birthYear: null,
    parentalConsentConfirmed: null,
    ...extra,
  },
});

function team(overrides: Partial<TeamDetailsFragment> = {}): TeamDetailsFragment {
  return {
    id: 't1',
    name: 'Les Ondes',
    status: 'FORMING',
    category: 'COLLEGE',
    inviteCode: 'ABCD1234',
    hackathon: {
      id: 'h1',
      title: 'Ensemble',
      phase: 'REGISTRATION',
      minTeamSize: 2,
      maxTeamSize: 5,
      submissionDeadline: '2026-04-10T18:00:00+02:00',
    },
    track: { id: 'tr1', name: 'Prévenir' },
    school: { id: 's1', name: 'Collège Longchamp', city: 'Marseille' },
    mentor: null,
    members: [member('Lina B.')],
    ...overrides,
  };
}

describe('missingForValidation', () => {
  it('asks for a mentor and enough members', () => {
    expect(missingForValidation(team())).toEqual([{ kind: 'mentor' }, { kind: 'tooFew', min: 2 }]);
  });

  it('names members still pending and under-15s without parental consent', () => {
    const now = new Date('2026-03-01');
    const missing = missingForValidation(
      team({
        mentor: { id: 'm', displayName: 'Karim H.' },
        members: [
          member('Lina B.', { status: 'PENDING' }),
          member('Hugo R.', { birthYear: 2013, parentalConsentConfirmed: false }),
        ],
      }),
      now,
    );
    expect(missing).toEqual([
      { kind: 'inactive', names: ['Lina B.'] },
      { kind: 'consent', names: ['Hugo R.'] },
    ]);
  });

  it('knows the age of digital consent is 15 in the calendar year', () => {
    const now = new Date('2026-06-01');
    expect(needsParentalConsent(2012, now)).toBe(true);
    expect(needsParentalConsent(2011, now)).toBe(false);
  });
});
