// Turns an API error into messages placed next to the fields they concern (`extensions.fields`),
// as i18n keys so a message on screen follows a language switch.
import { readApiError, type ApiError, type ApiErrorCode } from '../apollo/api-error';

/** Every input name the forms send; each has a message in locales `errors.fields`. */
export const FIELD_NAMES = [
  'email',
  'password',
  'firstName',
  'lastName',
  'birthYear',
  'schoolId',
  'name',
  'trackId',
  'hackathonId',
  'inviteCode',
  'title',
  'summary',
  'description',
  'repositoryUrl',
  'demoUrl',
  'videoUrl',
  'topic',
  'body',
  'comment',
  'reason',
  'scores',
  'slug',
  'registrationClosesAt',
  'submissionDeadline',
  'minTeamSize',
  'maxTeamSize',
  'weight',
  'maxScore',
  'uai',
  'city',
  'department',
  'level',
  'code',
  'role',
  'pupils',
  'jurorsPerSubmission',
  'search',
] as const;

export type FieldName = (typeof FIELD_NAMES)[number];

export type ErrorKey =
  | `errors.fields.${FieldName}`
  | `errors.code.${ApiErrorCode | 'NETWORK_ERROR'}`
  | `errors.required`
  | `errors.tooShort`
  | `errors.invalidUrl`
  | `errors.invalidYear`
  | `errors.passwordTooShort`
  | 'errors.emailTaken'
  | 'errors.teamNameTaken'
  | 'errors.unknownInviteCode'
  | 'errors.inviteConflict'
  | 'errors.inviteForbidden'
  | 'errors.submitConflict'
  | 'errors.consentRequired';

/** Field name → message key; `form` holds what belongs to no field. */
export type FormErrors<F extends string = string> = Partial<Record<F | 'form', ErrorKey>>;

const isFieldName = (name: string): name is FieldName =>
  (FIELD_NAMES as readonly string[]).includes(name);

/** "input.title" and "title" both name the title field; "pupils.3.birthYear" names pupils. */
export function fieldOf(path: string, fields: readonly string[]): string | null {
  const parts = path.split('.');
  for (const part of [...parts].reverse()) if (fields.includes(part)) return part;
  return fields.includes(parts[0]) ? parts[0] : null;
}

export interface ErrorOptions<F extends string> {
  /** Codes that belong to one field (e.g. NOT_FOUND on joinTeam is the invite code's fault). */
  fieldForCode?: Partial<Record<ApiErrorCode, F>>;
  /** Replace the generic message of a code. */
  messageForCode?: Partial<Record<ApiErrorCode, ErrorKey>>;
}

export function formErrorsFromApi<F extends string>(
  error: unknown,
  fields: readonly F[],
  options: ErrorOptions<F> = {},
): FormErrors<F> {
  const api: ApiError = readApiError(error);
  const errors: FormErrors<F> = {};
  if (api.code === 'BAD_USER_INPUT') {
    for (const path of Object.keys(api.fields)) {
      const field = fieldOf(path, fields) as F | null;
      if (field && isFieldName(field)) errors[field] = `errors.fields.${field}`;
    }
    if (Object.keys(errors).length === 0) errors.form = 'errors.code.BAD_USER_INPUT';
    return errors;
  }
  const message = (api.code !== 'NETWORK_ERROR' && options.messageForCode?.[api.code]) || undefined;
  const field = api.code !== 'NETWORK_ERROR' ? options.fieldForCode?.[api.code] : undefined;
  errors[field ?? 'form'] = message ?? `errors.code.${api.code}`;
  return errors;
}

export const hasErrors = (errors: FormErrors): boolean => Object.keys(errors).length > 0;
