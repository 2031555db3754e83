import { rankEntries } from './rank-entries';

describe('rankEntries', () => {
  it('orders by score descending and gives competition ranks 1, 2, 2, 4', () => {
    const ranked = rankEntries([
      { name: 'Delta', score: 50 },
      { name: 'Bravo', score: 80 },
      { name: 'Alpha', score: 90 },
      { name: 'Charlie', score: 80 },
    ]);
    expect(ranked.map((e) => [e.rank, e.name])).toEqual([
      [1, 'Alpha'],
      [2, 'Bravo'],
      [2, 'Charlie'],
      [4, 'Delta'],
    ]);
  });

  it('breaks score ties by name, ignoring accents and case as a French reader does', () => {
    const ranked = rankEntries([
      { name: 'zèbres', score: 10 },
      { name: 'Étoiles', score: 10 },
      { name: 'avenir', score: 10 },
      { name: 'Ecureuils', score: 10 },
    ]);
    expect(ranked.map((e) => e.name)).toEqual(['avenir', 'Ecureuils', 'Étoiles', 'zèbres']);
    expect(ranked.map((e) => e.rank)).toEqual([1, 1, 1, 1]);
  });

  it('compares numbers inside names as numbers', () => {
    const ranked = rankEntries([
      { name: 'Team 10', score: 1 },
      { name: 'Team 2', score: 1 },
    ]);
    expect(ranked.map((e) => e.name)).toEqual(['Team 2', 'Team 10']);
  });

  it('is deterministic when names differ only by accent or case', () => {
    const a = { name: 'Equipe', score: 5 };
    const b = { name: 'Équipe', score: 5 };
    const c = { name: 'equipe', score: 5 };
    const orders = [
      [a, b, c],
      [c, b, a],
      [b, a, c],
    ].map((entries) => rankEntries(entries).map((e) => e.name));
    expect(orders[1]).toEqual(orders[0]);
    expect(orders[2]).toEqual(orders[0]);
  });

  it('ties scores that are equal once rounded, and keeps the entries’ own scores', () => {
    const ranked = rankEntries(
      [
        { name: 'B', score: 71.2349 },
        { name: 'A', score: 71.2251 },
        { name: 'C', score: 71.2 },
      ],
      { decimals: 2 },
    );
    expect(ranked).toEqual([
      { name: 'A', score: 71.2251, rank: 1 },
      { name: 'B', score: 71.2349, rank: 1 },
      { name: 'C', score: 71.2, rank: 3 },
    ]);
  });

  it('compares at 3 decimals by default (the z-score precision)', () => {
    const ranked = rankEntries([
      { name: 'A', score: 0.123 },
      { name: 'B', score: 0.124 },
    ]);
    expect(ranked.map((e) => [e.name, e.rank])).toEqual([
      ['B', 1],
      ['A', 2],
    ]);
  });

  it('ranks negative z-scores and zero-score teams after the others', () => {
    const ranked = rankEntries([
      { name: 'Nobody scored us', score: 0 },
      { name: 'Below average', score: -0.75 },
      { name: 'Above average', score: 0.5 },
    ]);
    expect(ranked.map((e) => [e.rank, e.name])).toEqual([
      [1, 'Above average'],
      [2, 'Nobody scored us'],
      [3, 'Below average'],
    ]);
  });

  it('keeps extra fields and does not mutate its input', () => {
    const input = [
      { name: 'B', score: 1, teamId: 't-b' },
      { name: 'A', score: 2, teamId: 't-a' },
    ];
    const ranked = rankEntries(input);
    expect(ranked[0]).toEqual({ name: 'A', score: 2, teamId: 't-a', rank: 1 });
    expect(input.map((e) => e.name)).toEqual(['B', 'A']);
    expect(rankEntries([])).toEqual([]);
  });
});
