import { weightedScore } from './weighted-score';

const criteria = [
  { id: 'impact', weight: 3, maxScore: 10 },
  { id: 'creativity', weight: 2, maxScore: 5 },
  { id: 'pitch', weight: 1, maxScore: 20 },
];

describe('weightedScore', () => {
  it('is 100 × Σ(weight × value / maxScore) / Σ weight', () => {
    // 3×8/10 + 2×4/5 + 1×10/20 = 2.4 + 1.6 + 0.5 = 4.5; 100 × 4.5 / 6 = 75
    const scores = [
      { criterionId: 'pitch', value: 10 },
      { criterionId: 'impact', value: 8 },
      { criterionId: 'creativity', value: 4 },
    ];
    expect(weightedScore(scores, criteria)).toBeCloseTo(75, 12);
  });

  it('is 100 for full marks and 0 for none', () => {
    const full = criteria.map((c) => ({ criterionId: c.id, value: c.maxScore }));
    const none = criteria.map((c) => ({ criterionId: c.id, value: 0 }));
    expect(weightedScore(full, criteria)).toBeCloseTo(100, 12);
    expect(weightedScore(none, criteria)).toBe(0);
  });

  it('is not rounded (callers store the exact value)', () => {
    const oneCriterion = [{ id: 'a', weight: 1, maxScore: 3 }];
    expect(weightedScore([{ criterionId: 'a', value: 1 }], oneCriterion)).toBeCloseTo(100 / 3, 12);
  });

  it('ignores a zero-weight criterion in the mean but still requires its mark', () => {
    const withZero = [...criteria, { id: 'bonus', weight: 0, maxScore: 10 }];
    const scores = [
      { criterionId: 'impact', value: 10 },
      { criterionId: 'creativity', value: 5 },
      { criterionId: 'pitch', value: 20 },
      { criterionId: 'bonus', value: 0 },
    ];
    expect(weightedScore(scores, withZero)).toBeCloseTo(100, 12);
    expect(() => weightedScore(scores.slice(0, 3), withZero)).toThrow(
      'Criterion bonus is not scored',
    );
  });

  it('refuses inconsistent input loudly', () => {
    const ok = criteria.map((c) => ({ criterionId: c.id, value: 1 }));
    expect(() => weightedScore([...ok, { criterionId: 'pitch', value: 2 }], criteria)).toThrow(
      'scored twice',
    );
    expect(() => weightedScore([...ok, { criterionId: 'ghost', value: 2 }], criteria)).toThrow(
      'ghost',
    );
    expect(() =>
      weightedScore([{ criterionId: 'impact', value: 11 }, ...ok.slice(1)], criteria),
    ).toThrow('outside 0..10');
    expect(() => weightedScore([], [])).toThrow('sum to 0');
    expect(() =>
      weightedScore([{ criterionId: 'x', value: 0 }], [{ id: 'x', weight: 1, maxScore: 0 }]),
    ).toThrow('maxScore');
  });
});
