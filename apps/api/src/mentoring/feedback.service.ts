// Feedback on submissions: written by the team's mentor or an organizer, read by the team, its mentor and organizers.
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Viewer } from '../auth/viewer';
import { Clock } from '../common/clock';
import { forbidden, notFound } from '../common/errors';
import { groupBy, LoaderRegistry } from '../graphql/gql-context';
import { SubmissionEntity } from '../submissions/submission.entity';
import { HackathonsService } from '../hackathons/hackathons.service';
import { TeamContextService } from '../submissions/team-context.service';
import { TeamAccessPolicy } from '../teams/team-access.policy';
import { TeamLoaders } from '../teams/team.loaders';
import { TeamsQueryService } from '../teams/teams-query.service';
import { FeedbackEntity } from './feedback.entity';
import { checkText } from './mentoring-text';
import { AccountsService } from '../accounts/accounts.service';
import { UserEntity } from '../accounts/user.entity';
import { EntityColumns, queryPrepared, Statement } from '../database/prepared';

export const FEEDBACK_MAX = 5000;

/** Feedback is listed oldest first (ties by id), in every read. */
const FEEDBACK_ORDER = 'f.created_at, f.id';

type Json = Record<string, unknown>;

@Injectable()
export class FeedbackService implements OnModuleInit {
  private withAuthors?: {
    feedback: EntityColumns<FeedbackEntity>;
    author: EntityColumns<UserEntity>;
    statement: Statement;
  };

  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(FeedbackEntity) private readonly feedback: Repository<FeedbackEntity>,
    private readonly teams: TeamContextService,
    private readonly hackathons: HackathonsService,
    private readonly teamLoaders: TeamLoaders,
    private readonly teamAccess: TeamAccessPolicy,
    private readonly clock: Clock,
    private readonly accounts: AccountsService,
    private readonly teamsQuery: TeamsQueryService,
  ) {}

  /**
   * A team page asking for `submission { feedback }` reads it in the team's own statement: the
   * submission's id with its feedback and their authors, as one JSON value.
   */
  onModuleInit(): void {
    this.teamsQuery.addPagePart({
      path: ['submission', 'feedback'],
      sql: `(SELECT json_build_array(own.id, coalesce((
               SELECT json_agg(json_build_array(row_to_json(f), row_to_json(u)) ORDER BY ${FEEDBACK_ORDER})
                 FROM feedback f LEFT JOIN users u ON u.id = f.author_id
                WHERE f.submission_id = own.id), '[]'))
               FROM submissions own WHERE own.team_id = t.id)`,
      prime: (loaders, value) => {
        if (!value) return; // no submission yet
        const [submissionId, entries] = value as [string, [Json, Json | null][]];
        this.bySubmissionLoader(loaders).prime(
          submissionId,
          this.accounts.withUsersPrimed(loaders, this.read().feedback, entries),
        );
      },
    });
  }

  async add(viewer: Viewer, submissionId: string, body: string): Promise<FeedbackEntity> {
    return this.dataSource.transaction(async (m) => {
      const submission = await m.findOneBy(SubmissionEntity, { id: submissionId });
      if (!submission) throw notFound('Submission');
      const { team, hackathon } = await this.teams.load(m, submission.teamId);
      const isMentor = !!viewer.id && team.mentorId === viewer.id;
      if (!isMentor && !viewer.isOrganizer)
        throw forbidden('Only the team’s mentor or an organizer may give feedback');
      this.hackathons.assertPhase('addFeedback', hackathon);
      const text = checkText('body', body, 1, FEEDBACK_MAX);
      return m.save(
        m.create(FeedbackEntity, {
          submissionId,
          authorId: viewer.id,
          body: text,
          createdAt: this.clock.now(),
        }),
      );
    });
  }

  /** Team members, the team's mentor and organizers — never jurors, nor other teachers. */
  async canSee(viewer: Viewer, teamId: string, loaders: LoaderRegistry): Promise<boolean> {
    if (!viewer.id || !viewer.active) return false;
    if (viewer.isOrganizer) return true;
    const team = await this.teamLoaders.team(loaders).load(teamId);
    if (team?.mentorId === viewer.id) return true;
    return this.teamAccess.isMember(viewer, teamId, loaders);
  }

  /**
   * Feedback of each submission, oldest first, per request, read with its authors: the
   * request's user loader is primed, so `feedback { author { … } }` costs no further round trip.
   */
  bySubmissionLoader(loaders: LoaderRegistry) {
    return loaders.get<string, FeedbackEntity[]>('feedback.bySubmissionId', async (ids) => {
      const { feedback, author, statement } = this.read();
      const rows = await queryPrepared<Json>(this.dataSource, statement, [[...ids]]);
      const entries = this.accounts.withUsersPrimed(
        loaders,
        feedback,
        rows.map((row) => [row[feedback.alias] as Json, row[author.alias] as Json | null]),
      );
      return groupBy(ids, entries, (f) => f.submissionId);
    });
  }

  private read() {
    return (this.withAuthors ??= (() => {
      const feedback = new EntityColumns(this.dataSource, FeedbackEntity, 'f');
      const author = new EntityColumns(this.dataSource, UserEntity, 'u');
      const text = `SELECT ${feedback.select}, ${author.select}
                      FROM feedback f LEFT JOIN users u ON u.id = f.author_id
                     WHERE f.submission_id = ANY($1::uuid[])
                     ORDER BY ${FEEDBACK_ORDER}`;
      return { feedback, author, statement: { name: 'feedback.withAuthors', text } };
    })());
  }
}
