// Validation of a submission's content: every bad field is named in one BAD_USER_INPUT.
import { FieldErrorCollector } from '../common/errors';
import type { SubmissionInput } from './dto/submission.input';

export const TITLE_MIN = 3;
export const TITLE_MAX = 120;
export const SUMMARY_MAX = 500;
export const DESCRIPTION_MAX = 20_000;
export const URL_MAX = 500;

/** What gets stored: trimmed title, empty URLs as null. */
export interface SubmissionContent {
  title: string;
  summary: string;
  description: string;
  repositoryUrl: string | null;
  demoUrl: string | null;
  videoUrl: string | null;
}

const URL_FIELDS = ['repositoryUrl', 'demoUrl', 'videoUrl'] as const;

/** The WHATWG parser decides, so `javascript:`, `data:`, `ftp:` and host-less URLs are all refused. */
export function urlProblem(value: string): string | null {
  if (value.length > URL_MAX) return `must be at most ${URL_MAX} characters`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be a valid http(s) URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return 'must start with http:// or https://';
  if (!url.hostname) return 'must name a host';
  return null;
}

/** Checks and normalises the input, or throws BAD_USER_INPUT naming each bad field. */
export function validateSubmissionInput(input: SubmissionInput): SubmissionContent {
  const errors = new FieldErrorCollector();
  const content: SubmissionContent = {
    title: input.title.trim(),
    summary: input.summary,
    description: input.description,
    repositoryUrl: null,
    demoUrl: null,
    videoUrl: null,
  };
  errors.check(
    content.title.length >= TITLE_MIN && content.title.length <= TITLE_MAX,
    'title',
    `must be ${TITLE_MIN}–${TITLE_MAX} characters`,
  );
  errors.check(
    content.summary.length <= SUMMARY_MAX,
    'summary',
    `must be at most ${SUMMARY_MAX} characters`,
  );
  errors.check(
    content.description.length <= DESCRIPTION_MAX,
    'description',
    `must be at most ${DESCRIPTION_MAX} characters`,
  );
  for (const field of ['title', 'summary', 'description'] as const) errors.moderate(field, content[field]);
  for (const field of URL_FIELDS) {
    const raw = input[field]?.trim();
    if (!raw) continue; // absent or blank: no link
    const problem = urlProblem(raw);
    if (problem) errors.add(field, problem);
    else content[field] = raw;
  }
  errors.throwIfAny();
  return content;
}
