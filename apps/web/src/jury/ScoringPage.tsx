// One assignment: the project as submitted, the scoring form and the conflict-of-interest form.
import { useQuery } from '@apollo/client/react';
import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { paths } from '../app/paths';
import { usePageTitle } from '../app/use-page-title';
import { QueryState } from '../forms/QueryState';
import { HackathonDocument, MyAssignmentsDocument } from '../gql/graphql';
import { Markdown, safeHref } from '../markdown/Markdown';
import { DeclareConflictForm, ScoringForm } from './ScoringForm';

export function ScoringPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hackathonId = '', assignmentId = '' } = useParams();
  const assignments = useQuery(MyAssignmentsDocument, { variables: { hackathonId } });
  const hackathon = useQuery(HackathonDocument, { variables: { id: hackathonId } });
  const assignment = assignments.data?.myAssignments.find((a) => a.id === assignmentId);
  const criteria = hackathon.data?.hackathon?.criteria ?? [];
  usePageTitle(assignment?.submission.title ?? t('jury.assignments'));
  const back = () => void navigate(paths.space);

  if (!assignment || !hackathon.data) {
    return (
      <Stack>
        <Title order={1}>{t('jury.assignments')}</Title>
        <QueryState
          loading={assignments.loading || hackathon.loading}
          error={assignments.error ?? hackathon.error}
        />
      </Stack>
    );
  }
  const { submission } = assignment;
  const links = [
    ['repositoryUrl', submission.repositoryUrl],
    ['demoUrl', submission.demoUrl],
    ['videoUrl', submission.videoUrl],
  ] as const;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={paths.space}>
        {t('space.back')}
      </Anchor>
      <Title order={1}>{submission.title}</Title>
      <Text>
        {submission.team.name} · {submission.team.track.name}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="lg" component="section" aria-labelledby="project-title">
          <Title order={2} size="h3" id="project-title" mb="sm">
            {t('jury.project')}
          </Title>
          <Text fw={700}>{submission.summary}</Text>
          <Markdown source={submission.description} />
          <Stack gap={4} mt="sm">
            {links.map(([field, url]) => {
              const href = url ? safeHref(url) : null;
              return href ? (
                <Anchor key={field} href={href} target="_blank" rel="noopener noreferrer">
                  {t(`submissions.fields.${field}`)}
                </Anchor>
              ) : null;
            })}
          </Stack>
        </Paper>
        <Stack gap="lg">
          <Paper withBorder p="lg" component="section" aria-labelledby="scoring-title">
            <Title order={2} size="h3" id="scoring-title" mb="sm">
              {t('jury.scoring')}
            </Title>
            <ScoringForm
              assignmentId={assignment.id}
              criteria={criteria}
              initialScores={Object.fromEntries(
                (assignment.evaluation?.scores ?? []).map((s) => [s.criterion.id, s.value]),
              )}
              initialComment={assignment.evaluation?.comment ?? ''}
              onDone={back}
            />
          </Paper>
          {assignment.status !== 'RECUSED' && (
            <Paper withBorder p="lg" component="section" aria-labelledby="conflict-title">
              <Title order={2} size="h3" id="conflict-title" mb="sm">
                {t('jury.conflict.title')}
              </Title>
              <DeclareConflictForm assignmentId={assignment.id} onDone={back} />
            </Paper>
          )}
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
