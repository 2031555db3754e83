// Help request lists kept in step with live events, shared by the teachers' queue and the team page.
import type { HelpRequestStatus } from '../gql/graphql';

export const helpStatusColors: Record<HelpRequestStatus, string> = {
  OPEN: 'grape',
  CLAIMED: 'indigo',
  RESOLVED: 'teal',
};

/** Replaces the request if the list has it, else puts it first (lists are newest first). */
export function upsertHelpRequest<R extends { id: string }>(list: readonly R[], request: R): R[] {
  return list.some((r) => r.id === request.id)
    ? list.map((r) => (r.id === request.id ? { ...r, ...request } : r))
    : [request, ...list];
}
