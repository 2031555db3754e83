// The field rules of hackathon settings, tracks and criteria, checked together so one
// BAD_USER_INPUT names every bad field at once (RULES.md: createHackathon/updateHackathon).
import { FieldErrorCollector } from '../common/errors';
import { CriterionInput } from './dto/criterion.input';
import { HackathonInput } from './dto/hackathon.input';
import { TrackInput } from './dto/track.input';

export const SLUG_PATTERN = /^[a-z0-9-]{3,60}$/;
export const MAX_TEAM_SIZE_LIMIT = 10;
export const MAX_CRITERION_WEIGHT = 1000; // the criteria table's CHECK
const NAME_MIN = 2;
const NAME_MAX = 80;
const DESCRIPTION_MAX = 20_000;
const SHORT_DESCRIPTION_MAX = 2_000;

const length = (s: string) => [...s].length;

export function checkHackathonInput(input: HackathonInput): FieldErrorCollector {
  const errors = new FieldErrorCollector();
  errors.check(
    SLUG_PATTERN.test(input.slug),
    'slug',
    'must be 3–60 lower-case letters, digits or dashes',
  );
  const title = input.title.trim();
  errors.check(length(title) >= 3 && length(title) <= 200, 'title', 'must be 3–200 characters');
  errors.check(
    length(input.description) <= DESCRIPTION_MAX,
    'description',
    'must be at most 20 000 characters',
  );
  errors.check(
    input.registrationClosesAt.getTime() <= input.submissionDeadline.getTime(),
    'registrationClosesAt',
    'must be on or before submissionDeadline',
  );
  errors.check(input.minTeamSize >= 1, 'minTeamSize', 'must be at least 1');
  errors.check(
    input.maxTeamSize <= MAX_TEAM_SIZE_LIMIT,
    'maxTeamSize',
    `must be at most ${MAX_TEAM_SIZE_LIMIT}`,
  );
  errors.check(
    input.minTeamSize <= input.maxTeamSize,
    'minTeamSize',
    'must be at most maxTeamSize',
  );
  return errors;
}

function checkNameAndDescription(
  errors: FieldErrorCollector,
  name: string,
  description: string,
): void {
  const trimmed = name.trim();
  errors.check(
    length(trimmed) >= NAME_MIN && length(trimmed) <= NAME_MAX,
    'name',
    `must be ${NAME_MIN}–${NAME_MAX} characters`,
  );
  errors.check(
    length(description) <= SHORT_DESCRIPTION_MAX,
    'description',
    'must be at most 2 000 characters',
  );
}

export function checkTrackInput(input: TrackInput): FieldErrorCollector {
  const errors = new FieldErrorCollector();
  checkNameAndDescription(errors, input.name, input.description);
  return errors;
}

export function checkCriterionInput(input: CriterionInput): FieldErrorCollector {
  const errors = new FieldErrorCollector();
  checkNameAndDescription(errors, input.name, input.description);
  errors.check(
    Number.isFinite(input.weight) && input.weight > 0 && input.weight <= MAX_CRITERION_WEIGHT,
    'weight',
    `must be greater than 0 and at most ${MAX_CRITERION_WEIGHT}`,
  );
  errors.check(
    Number.isInteger(input.maxScore) && input.maxScore >= 1 && input.maxScore <= 100,
    'maxScore',
    'must be an integer from 1 to 100',
  );
  return errors;
}
