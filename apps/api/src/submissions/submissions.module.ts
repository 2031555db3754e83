import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { HackathonEntity } from '../hackathons/hackathon.entity';
import { TeamEntity } from '../teams/team.entity';
import { TeamsModule } from '../teams/teams.module';
import { SubmissionFieldsResolver } from './submission-fields.resolver';
import { SubmissionVersionEntity } from './submission-version.entity';
import { SubmissionVersionFieldsResolver } from './submission-version-fields.resolver';
import { SubmissionEntity } from './submission.entity';
import { SubmissionsResolver } from './submissions.resolver';
import { SubmissionsService } from './submissions.service';
import { TeamContextService } from './team-context.service';
import { TeamSubmissionResolver } from './team-submission.resolver';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      SubmissionEntity,
      SubmissionVersionEntity,
      TeamEntity,
      HackathonEntity,
    ]),
    AccountsModule,
    TeamsModule,
  ],
  providers: [
    SubmissionsService,
    TeamContextService,
    SubmissionsResolver,
    SubmissionFieldsResolver,
    SubmissionVersionFieldsResolver,
    TeamSubmissionResolver,
  ],
  exports: [SubmissionsService, TeamContextService, TeamsModule],
})
export class SubmissionsModule {}
