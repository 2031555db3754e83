// Rules about people: age of digital consent, how a pupil is shown to others, school codes.

/** France's age of digital consent. */
export const DIGITAL_CONSENT_AGE = 15;

/** `currentYear - birthYear < 15`: parental consent is needed. */
export function needsParentalConsent(birthYear: number | null | undefined, now: Date): boolean {
  if (birthYear == null) return false;
  return now.getUTCFullYear() - birthYear < DIGITAL_CONSENT_AGE;
}

export const DELETED_ACCOUNT_NAME = 'Compte supprimé';

/** First name and last initial: "Lina B.". */
export function displayName(firstName: string | null, lastName: string | null): string {
  if (!firstName) return DELETED_ACCOUNT_NAME;
  const initial = lastName ? [...lastName.trim()][0] : '';
  return initial ? `${firstName.trim()} ${initial.toLocaleUpperCase('fr')}.` : firstName.trim();
}

/** UAI: 7 digits and an upper-case letter. */
export const UAI_PATTERN = /^\d{7}[A-Z]$/;

/** Metropolitan departments, Corsica (2A, 2B) and overseas (971–976). */
export const DEPARTMENT_PATTERN = /^(0[1-9]|1\d|2[1-9]|[3-8]\d|9[0-5]|2A|2B|97[1-6])$/;

/** Lower case without accents, for searching and comparing names. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Pupil logins are generated: "lina.b" followed by digits. */
export function loginStem(firstName: string, lastName: string): string {
  const clean = (s: string) => foldText(s).replace(/[^a-z]/g, '');
  return `${clean(firstName).slice(0, 20) || 'eleve'}.${clean(lastName).slice(0, 1) || 'x'}`;
}
