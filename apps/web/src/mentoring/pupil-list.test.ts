import { describe, expect, it } from 'vitest';
import { parsePupilList } from './pupil-list';

const now = new Date('2026-03-01');

describe('parsePupilList', () => {
  it('reads semicolon, comma and tab separated lines and skips a header', () => {
    const result = parsePupilList(
      'Prénom;Nom;Année\nLina;Benali;2012\nHugo,Rossi,2013\nInès\tMartin\t2011\n',
      now,
    );
    expect(result.invalidLines).toEqual([]);
    expect(result.pupils.map((p) => [p.firstName, p.lastName, p.birthYear])).toEqual([
      ['Lina', 'Benali', 2012],
      ['Hugo', 'Rossi', 2013],
      ['Inès', 'Martin', 2011],
    ]);
  });

  it('reports lines with a missing name or an implausible year', () => {
    const result = parsePupilList('Lina;Benali;2012\n;Rossi;2013\nTom;Petit;1990\nZoé;Blanc', now);
    expect(result.pupils).toHaveLength(1);
    expect(result.invalidLines).toEqual([2, 3, 4]);
  });
});
