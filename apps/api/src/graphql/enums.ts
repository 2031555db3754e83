// The contract's enums, registered once for the whole schema.
import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  PUPIL = 'PUPIL',
  TEACHER = 'TEACHER',
  JUROR = 'JUROR',
  ORGANIZER = 'ORGANIZER',
}
export enum AccountStatus {
  PENDING = 'PENDING',
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
}
export enum SchoolLevel {
  COLLEGE = 'COLLEGE',
  LYCEE = 'LYCEE',
}
export enum HackathonPhase {
  DRAFT = 'DRAFT',
  REGISTRATION = 'REGISTRATION',
  BUILDING = 'BUILDING',
  JUDGING = 'JUDGING',
  RESULTS = 'RESULTS',
  ARCHIVED = 'ARCHIVED',
}
export enum TeamStatus {
  FORMING = 'FORMING',
  VALIDATED = 'VALIDATED',
  WITHDRAWN = 'WITHDRAWN',
  DISQUALIFIED = 'DISQUALIFIED',
}
export enum SubmissionStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
}
export enum AssignmentStatus {
  PENDING = 'PENDING',
  DONE = 'DONE',
  RECUSED = 'RECUSED',
}
export enum RankingMethod {
  MEAN = 'MEAN',
  Z_SCORE = 'Z_SCORE',
}
export enum HelpRequestStatus {
  OPEN = 'OPEN',
  CLAIMED = 'CLAIMED',
  RESOLVED = 'RESOLVED',
}

registerEnumType(Role, { name: 'Role', description: 'What a person does on the platform.' });
registerEnumType(AccountStatus, {
  name: 'AccountStatus',
  description: 'PENDING until validated by a teacher (pupils) or an organizer (teachers).',
});
registerEnumType(SchoolLevel, { name: 'SchoolLevel', description: 'Collège or lycée.' });
registerEnumType(HackathonPhase, { name: 'HackathonPhase', description: 'The phase machine of a hackathon.' });
registerEnumType(TeamStatus, { name: 'TeamStatus', description: 'Where a team stands.' });
registerEnumType(SubmissionStatus, { name: 'SubmissionStatus', description: 'Draft or handed in.' });
registerEnumType(AssignmentStatus, { name: 'AssignmentStatus', description: 'State of a jury assignment.' });
registerEnumType(RankingMethod, {
  name: 'RankingMethod',
  description: 'MEAN of weighted scores, or Z_SCORE standardised per juror.',
});
registerEnumType(HelpRequestStatus, { name: 'HelpRequestStatus', description: 'State of a help request.' });
