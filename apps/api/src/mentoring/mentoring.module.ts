import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { SubmissionsModule } from '../submissions/submissions.module';
import { FeedbackEntity } from './feedback.entity';
import { FeedbackResolver } from './feedback.resolver';
import { FeedbackService } from './feedback.service';
import { HelpRequestEntity } from './help-request.entity';
import { HelpRequestFieldsResolver } from './help-request-fields.resolver';
import { HelpRequestsResolver } from './help-requests.resolver';
import { HelpRequestsService } from './help-requests.service';
import { SubmissionFeedbackResolver } from './submission-feedback.resolver';

@Module({
  imports: [
    TypeOrmModule.forFeature([FeedbackEntity, HelpRequestEntity]),
    SubmissionsModule,
    AccountsModule,
  ],
  providers: [
    FeedbackService,
    HelpRequestsService,
    FeedbackResolver,
    SubmissionFeedbackResolver,
    HelpRequestsResolver,
    HelpRequestFieldsResolver,
  ],
})
export class MentoringModule {}
