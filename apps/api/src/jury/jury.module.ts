import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { LeaderboardModule } from '../leaderboard/leaderboard.module';
import { SubmissionEntity } from '../submissions/submission.entity';
import { CriterionScoreEntity, EvaluationEntity } from './evaluation.entity';
import { EvaluationFieldsResolver, JuryAssignmentFieldsResolver } from './jury-fields.resolver';
import { JuryAssignmentEntity } from './jury-assignment.entity';
import { JuryResolver } from './jury.resolver';
import { JuryService } from './jury.service';
import { ScoreDistributionResolver } from './score-distribution.resolver';
import { ScoreDistributionService } from './score-distribution.service';
import { ScoringService } from './scoring.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      JuryAssignmentEntity,
      EvaluationEntity,
      CriterionScoreEntity,
      SubmissionEntity,
    ]),
    AccountsModule,
    LeaderboardModule,
  ],
  providers: [
    JuryService,
    ScoringService,
    JuryResolver,
    JuryAssignmentFieldsResolver,
    EvaluationFieldsResolver,
    ScoreDistributionService,
    ScoreDistributionResolver,
  ],
  exports: [JuryService],
})
export class JuryModule {}
