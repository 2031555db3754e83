import {
  checkCriterionInput,
  checkHackathonInput,
  checkTrackInput,
} from './hackathon-input.validation';

const valid = {
  slug: 'ensemble-2026',
  title: 'Ensemble 2026',
  description: '',
  registrationClosesAt: new Date('2026-03-01T00:00:00Z'),
  submissionDeadline: new Date('2026-04-01T00:00:00Z'),
  minTeamSize: 2,
  maxTeamSize: 5,
};
const fieldsOf = (c: { throwIfAny(): void }) => {
  try {
    c.throwIfAny();
    return [];
  } catch (e) {
    return Object.keys((e as { fields: Record<string, string> }).fields).sort();
  }
};

describe('hackathon settings rules', () => {
  it('accepts valid settings and the limits', () => {
    expect(fieldsOf(checkHackathonInput(valid))).toEqual([]);
    expect(
      fieldsOf(
        checkHackathonInput({
          ...valid,
          slug: 'a-1',
          minTeamSize: 1,
          maxTeamSize: 10,
          submissionDeadline: valid.registrationClosesAt,
        }),
      ),
    ).toEqual([]);
  });

  it('names every bad field at once', () => {
    const bad = {
      ...valid,
      slug: 'A_B',
      title: ' x ',
      description: 'x'.repeat(20_001),
      registrationClosesAt: new Date('2026-05-01'),
      minTeamSize: 0,
      maxTeamSize: 11,
    };
    expect(fieldsOf(checkHackathonInput(bad))).toEqual([
      'description',
      'maxTeamSize',
      'minTeamSize',
      'registrationClosesAt',
      'slug',
      'title',
    ]);
  });

  it('wants minTeamSize ≤ maxTeamSize', () => {
    expect(fieldsOf(checkHackathonInput({ ...valid, minTeamSize: 6, maxTeamSize: 5 }))).toEqual([
      'minTeamSize',
    ]);
  });
});

describe('track and criterion rules', () => {
  it('wants names of 2–80 characters', () => {
    expect(fieldsOf(checkTrackInput({ name: 'ab', description: '' }))).toEqual([]);
    expect(fieldsOf(checkTrackInput({ name: ' a ', description: '' }))).toEqual(['name']);
    expect(fieldsOf(checkTrackInput({ name: 'a'.repeat(81), description: '' }))).toEqual(['name']);
  });

  it('wants weight > 0 and maxScore 1–100', () => {
    const ok = { name: 'Impact', description: '', weight: 0.1, maxScore: 1 };
    expect(fieldsOf(checkCriterionInput(ok))).toEqual([]);
    expect(fieldsOf(checkCriterionInput({ ...ok, weight: 0, maxScore: 101 }))).toEqual([
      'maxScore',
      'weight',
    ]);
    expect(fieldsOf(checkCriterionInput({ ...ok, weight: 1001, maxScore: 0 }))).toEqual([
      'maxScore',
      'weight',
    ]);
  });
});
