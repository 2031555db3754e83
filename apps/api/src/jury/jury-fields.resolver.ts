// Relations of assignments and evaluations, each through a per-request DataLoader.
import { ResolveField, Resolver } from '@nestjs/graphql';
import { AccountsService } from '../accounts/accounts.service';
import { UserModel } from '../accounts/user.model';
import { viewerOf } from '../auth/auth.decorators';
import type { GqlContext, NoArgs } from '../graphql/gql-context';
import { CriterionModel } from '../hackathons/hackathon.model';
import { TracksAndCriteriaService } from '../hackathons/tracks-and-criteria.service';
import { SubmissionModel } from '../submissions/submission.model';
import { CriterionScoreModel, EvaluationModel } from './evaluation.model';
import { JuryAssignmentModel } from './jury-assignment.model';
import { JuryService } from './jury.service';

@Resolver(() => JuryAssignmentModel)
export class JuryAssignmentFieldsResolver {
  constructor(
    private readonly jury: JuryService,
    private readonly accounts: AccountsService,
  ) {}

  @ResolveField(() => UserModel, { description: 'The juror.' })
  async juror(a: JuryAssignmentModel, _args: NoArgs, ctx: GqlContext): Promise<UserModel> {
    const viewer = viewerOf(ctx);
    const user = await this.accounts.loader(ctx.loaders).load(a.jurorId);
    return UserModel.from(user!, viewer);
  }

  @ResolveField(() => SubmissionModel, { description: 'The submission to evaluate.' })
  async submission(
    a: JuryAssignmentModel,
    _args: NoArgs,
    ctx: GqlContext,
  ): Promise<SubmissionModel> {
    return SubmissionModel.from(
      (await this.jury.submissionLoader(ctx.loaders).load(a.submissionId))!,
    );
  }

  @ResolveField(() => EvaluationModel, {
    nullable: true,
    description:
      'The juror’s evaluation, once scored (the juror and organizers only; others see null).',
  })
  async evaluation(
    a: JuryAssignmentModel,
    _args: NoArgs,
    ctx: GqlContext,
  ): Promise<EvaluationModel | null> {
    const viewer = viewerOf(ctx);
    // A juror never sees another juror's evaluation, whatever path leads here.
    if (viewer.id !== a.jurorId && !viewer.isOrganizer) return null;
    const e = await this.jury.evaluationByAssignmentLoader(ctx.loaders).load(a.id);
    return e ? EvaluationModel.from(e) : null;
  }
}

@Resolver(() => EvaluationModel)
export class EvaluationFieldsResolver {
  constructor(
    private readonly jury: JuryService,
    private readonly criteria: TracksAndCriteriaService,
  ) {}

  @ResolveField(() => JuryAssignmentModel, {
    description: 'The assignment this evaluation answers.',
  })
  async assignment(
    e: EvaluationModel,
    _args: NoArgs,
    ctx: GqlContext,
  ): Promise<JuryAssignmentModel> {
    return JuryAssignmentModel.from(
      (await this.jury.assignmentLoader(ctx.loaders).load(e.assignmentId))!,
    );
  }

  @ResolveField(() => [CriterionScoreModel], {
    description: 'One mark per criterion, in the criteria’s order.',
  })
  async scores(e: EvaluationModel, _args: NoArgs, ctx: GqlContext): Promise<CriterionScoreModel[]> {
    const rows = await this.jury.scoresByEvaluationLoader(ctx.loaders).load(e.id);
    const criteria = await this.criteria
      .criterionLoader(ctx.loaders)
      .loadMany(rows.map((r) => r.criterionId));
    const pairs = rows.flatMap((row, i) => {
      const criterion = criteria[i];
      return criterion && !(criterion instanceof Error) ? [{ criterion, value: row.value }] : [];
    });
    pairs.sort((a, b) => a.criterion.position - b.criterion.position);
    return pairs.map(({ criterion, value }) =>
      Object.assign(new CriterionScoreModel(), {
        criterion: CriterionModel.from(criterion),
        value,
      }),
    );
  }
}
