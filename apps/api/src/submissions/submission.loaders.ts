// A team's submission per request: used by Team.submission and primed by the team page's
// statement (teams-query.service.ts), which reads the submission with the team.
import { DataSource } from 'typeorm';
import { readByKeys } from '../database/prepared';
import { LoaderRegistry, orderBy } from '../graphql/gql-context';
import { SubmissionEntity } from './submission.entity';

export function submissionByTeamLoader(dataSource: DataSource, loaders: LoaderRegistry) {
  return loaders.get<string, SubmissionEntity | null>('submission.byTeamId', async (teamIds) =>
    orderBy(
      teamIds,
      await readByKeys(dataSource.getRepository(SubmissionEntity), 'teamId', teamIds),
      (s) => s.teamId,
    ),
  );
}
