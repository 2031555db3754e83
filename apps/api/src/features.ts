// Feature modules beyond accounts and schools; each feature adds its module here.
import type { DynamicModule, Type } from '@nestjs/common';
import { HackathonsModule } from './hackathons/hackathons.module';
import { AnnouncementsModule } from './announcements/announcements.module';
import { TeamsModule } from './teams/teams.module';
import { SubmissionsModule } from './submissions/submissions.module';
import { MentoringModule } from './mentoring/mentoring.module';
import { JuryModule } from './jury/jury.module';
import { LeaderboardModule } from './leaderboard/leaderboard.module';
import { PrivacyModule } from './privacy/privacy.module';

export const FEATURE_MODULES: (Type<unknown> | DynamicModule)[] = [
  HackathonsModule,
  AnnouncementsModule,
  TeamsModule,
  SubmissionsModule,
  MentoringModule,
  JuryModule,
  LeaderboardModule,
  PrivacyModule,
];
