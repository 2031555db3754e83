// GraphQL mocks shared by the tests, shaped like the API's answers (with __typename, as Apollo caches them).
import type { MockLink } from '@apollo/client/testing';
import { HackathonsDocument, MeDocument, type AccountStatus, type Role } from '../gql/graphql';

export const hackathonsMock = (
  hackathons = [
    {
      __typename: 'Hackathon',
      id: 'h1',
      slug: 'ensemble-2026',
      title: 'Ensemble 2026',
      description: 'Inventez une appli qui aide les témoins de harcèlement.',
      phase: 'REGISTRATION',
      registrationClosesAt: '2026-03-20T18:00:00+01:00',
      submissionDeadline: '2026-04-10T18:00:00+02:00',
    },
  ],
): MockLink.MockedResponse => ({
  request: { query: HackathonsDocument },
  result: { data: { hackathons } },
});

export const meMock = (status: AccountStatus, role: Role = 'PUPIL'): MockLink.MockedResponse => ({
  request: { query: MeDocument },
  result: {
    data: {
      me: { __typename: 'User', id: 'u1', displayName: 'Lina B.', role, status, school: null },
    },
  },
});
