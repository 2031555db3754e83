import { describe, expect, it } from 'vitest';
import { upsertHelpRequest } from './help-requests';

describe('upsertHelpRequest', () => {
  const a = { id: 'a', status: 'OPEN' };
  const b = { id: 'b', status: 'OPEN' };

  it('puts a new request first', () => {
    expect(upsertHelpRequest([a], b)).toEqual([b, a]);
  });

  it('updates a known request in place', () => {
    expect(upsertHelpRequest([b, a], { id: 'a', status: 'CLAIMED' })).toEqual([
      b,
      { id: 'a', status: 'CLAIMED' },
    ]);
  });
});
