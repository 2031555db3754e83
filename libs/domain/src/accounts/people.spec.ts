import { DEPARTMENT_PATTERN, displayName, foldText, loginStem, needsParentalConsent, UAI_PATTERN } from './people';
import { passwordProblem } from './password-policy';

describe('people', () => {
  const now = new Date('2026-11-25T12:00:00Z');

  it('asks for parental consent when currentYear - birthYear < 15', () => {
    expect(needsParentalConsent(2012, now)).toBe(true); // 14
    expect(needsParentalConsent(2011, now)).toBe(false); // 15
    expect(needsParentalConsent(null, now)).toBe(false);
  });

  it('shows a pupil as first name and last initial', () => {
    expect(displayName('Lina', 'Benali')).toBe('Lina B.');
    expect(displayName('Éloïse', 'élan')).toBe('Éloïse É.');
    expect(displayName(null, null)).toBe('Compte supprimé');
  });

  it('accepts UAI and department codes of the contract', () => {
    expect(UAI_PATTERN.test('0130001A')).toBe(true);
    expect(UAI_PATTERN.test('013001A')).toBe(false);
    expect(UAI_PATTERN.test('0130001a')).toBe(false);
    for (const d of ['04', '05', '06', '13', '83', '84', '2A', '2B', '974']) expect(DEPARTMENT_PATTERN.test(d)).toBe(true);
    for (const d of ['00', '20', '96', '2C', '977', '1']) expect(DEPARTMENT_PATTERN.test(d)).toBe(false);
  });

  it('folds accents and case', () => {
    expect(foldText('  Lycée  Thiers ')).toBe('lycee thiers');
    expect(loginStem('Zoé-Anne', "N'Diaye")).toBe('zoeanne.n');
  });
});

describe('password policy', () => {
  it('refuses short, long and common passwords', () => {
    expect(passwordProblem('short')).toMatch(/at least 10/);
    expect(passwordProblem('x'.repeat(129))).toMatch(/at most 128/);
    expect(passwordProblem('1234567890')).toMatch(/common/);
    expect(passwordProblem('qwertyuiop')).toMatch(/common/);
    expect(passwordProblem('PASSWORD123')).toMatch(/common/);
    expect(passwordProblem('Calanques-2026-Soleil')).toBeNull();
  });
});
