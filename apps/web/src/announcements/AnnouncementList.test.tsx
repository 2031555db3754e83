import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AnnouncementPostedDocument, AnnouncementsDocument } from '../gql/graphql';
import { renderWithProviders } from '../test/render';
import { AnnouncementList } from './AnnouncementList';

const announcement = (id: string, title: string) => ({
  __typename: 'Announcement',
  id,
  title,
  body: 'Rendez-vous **à 14 h** en salle B.',
  createdAt: '2026-03-10T10:00:00Z',
  author: { __typename: 'User', id: 'o1', displayName: 'Claire M.' },
});

describe('AnnouncementList', () => {
  it('puts a newly posted announcement first and announces it', async () => {
    renderWithProviders(<AnnouncementList hackathonId="h1" anonymous />, {
      mocks: [
        {
          request: { query: AnnouncementsDocument, variables: { hackathonId: 'h1', first: 10 } },
          result: { data: { announcements: [announcement('a1', 'Bienvenue')] } },
        },
        {
          request: { query: AnnouncementPostedDocument, variables: { hackathonId: 'h1' } },
          result: { data: { announcementPosted: announcement('a2', 'Jury à 14 h') } },
          delay: 20,
        },
      ],
    });
    expect(await screen.findByText('Nouvelle annonce : « Jury à 14 h ».')).toHaveAttribute(
      'role',
      'status',
    );
    expect(screen.getAllByRole('article').map((a) => a.getAttribute('aria-label'))).toEqual([
      'Jury à 14 h',
      'Bienvenue',
    ]);
    expect(screen.getAllByText('à 14 h', { selector: 'strong' })).toHaveLength(2);
  });
});
