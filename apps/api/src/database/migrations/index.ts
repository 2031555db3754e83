// Every migration, in order. A merged migration is never edited: add a new one.
import { CreateSchoolsAndAccounts1764100000000 } from './1764100000000-CreateSchoolsAndAccounts';
import { CreateHackathonsTracksCriteria1764100001000 } from './1764100001000-CreateHackathonsTracksCriteria';
import { CreateTeamsSubmissionsMentoring1764100002000 } from './1764100002000-CreateTeamsSubmissionsMentoring';
import { CreateJuryEvaluationsAudit1764100003000 } from './1764100003000-CreateJuryEvaluationsAudit';
import { CreateLeaderboardStatsAndSnapshots1764500000000 } from './1764500000000-CreateLeaderboardStatsAndSnapshots';
import { ExactScoreTotals1764900000000 } from './1764900000000-ExactScoreTotals';
import { LoginFailureReserveFunction1765000000000 } from './1765000000000-LoginFailureReserveFunction';

export const migrations = [
  CreateSchoolsAndAccounts1764100000000,
  CreateHackathonsTracksCriteria1764100001000,
  CreateTeamsSubmissionsMentoring1764100002000,
  CreateJuryEvaluationsAudit1764100003000,
  CreateLeaderboardStatsAndSnapshots1764500000000,
  ExactScoreTotals1764900000000,
  LoginFailureReserveFunction1765000000000,
];
