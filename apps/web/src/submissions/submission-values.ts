// The editable part of a submission, and the checks the API would make (RULES.md), for instant feedback.
import type { FormErrors } from '../forms/form-errors';
import type { SubmissionFieldsFragment, SubmissionInput } from '../gql/graphql';

export const SUBMISSION_FIELDS = [
  'title',
  'summary',
  'description',
  'repositoryUrl',
  'demoUrl',
  'videoUrl',
] as const;
export type SubmissionField = (typeof SUBMISSION_FIELDS)[number];
export type SubmissionValues = Record<SubmissionField, string>;

export const URL_FIELDS = ['repositoryUrl', 'demoUrl', 'videoUrl'] as const;

export const EMPTY_VALUES: SubmissionValues = {
  title: '',
  summary: '',
  description: '',
  repositoryUrl: '',
  demoUrl: '',
  videoUrl: '',
};

export function valuesOf(
  submission: SubmissionFieldsFragment | null | undefined,
): SubmissionValues {
  if (!submission) return EMPTY_VALUES;
  return {
    title: submission.title,
    summary: submission.summary,
    description: submission.description,
    repositoryUrl: submission.repositoryUrl ?? '',
    demoUrl: submission.demoUrl ?? '',
    videoUrl: submission.videoUrl ?? '',
  };
}

export function toInput(values: SubmissionValues): SubmissionInput {
  const url = (value: string) => (value.trim() ? value.trim() : null);
  return {
    title: values.title.trim(),
    summary: values.summary,
    description: values.description,
    repositoryUrl: url(values.repositoryUrl),
    demoUrl: url(values.demoUrl),
    videoUrl: url(values.videoUrl),
  };
}

const isWebUrl = (value: string) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && value.length <= 500;
  } catch {
    return false;
  }
};

export function validateSubmission(values: SubmissionValues): FormErrors<SubmissionField> {
  const errors: FormErrors<SubmissionField> = {};
  const title = values.title.trim();
  if (title.length < 3 || title.length > 120) errors.title = 'errors.fields.title';
  if (values.summary.length > 500) errors.summary = 'errors.fields.summary';
  if (values.description.length > 20_000) errors.description = 'errors.fields.description';
  for (const field of URL_FIELDS) {
    if (values[field].trim() && !isWebUrl(values[field].trim()))
      errors[field] = 'errors.invalidUrl';
  }
  return errors;
}

export const sameValues = (a: SubmissionValues, b: SubmissionValues) =>
  SUBMISSION_FIELDS.every((field) => a[field] === b[field]);
