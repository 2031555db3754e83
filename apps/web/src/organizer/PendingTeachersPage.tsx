// Organizers vet teachers who signed up: no unvetted adult reaches pupils (RULES.md). Oldest first,
// a page at a time; a validated teacher leaves the list at once.
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { readApiError } from '../apollo/api-error';
import { paths } from '../app/paths';
import { usePageTitle } from '../app/use-page-title';
import type { ErrorKey } from '../forms/form-errors';
import { QueryState } from '../forms/QueryState';
import {
  PendingTeachersDocument,
  ValidateTeacherDocument,
  type PendingTeachersQuery,
} from '../gql/graphql';
import { LiveStatus } from '../live/LiveStatus';

export const TEACHERS_PAGE = 25;

type Teacher = PendingTeachersQuery['pendingTeachers'][number];

export const fullName = (user: {
  firstName?: string | null;
  lastName?: string | null;
  displayName: string;
}) => [user.firstName, user.lastName].filter(Boolean).join(' ') || user.displayName;

function TeacherRow({ teacher, onValidated }: { teacher: Teacher; onValidated: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<ErrorKey | null>(null);
  const [validate, { loading }] = useMutation(ValidateTeacherDocument);
  const name = fullName(teacher);

  async function handleValidate() {
    setError(null);
    try {
      await validate({ variables: { userId: teacher.id } });
      onValidated();
    } catch (e) {
      setError(`errors.code.${readApiError(e).code}`);
    }
  }

  return (
    <Paper withBorder p="md" component="li" aria-label={name}>
      <Stack gap="xs">
        <Text fw={700}>{name}</Text>
        <Text size="sm">{teacher.email}</Text>
        <Text size="sm">
          {teacher.school
            ? t('organizer.teachers.school', {
                name: teacher.school.name,
                city: teacher.school.city,
              })
            : t('organizer.teachers.noSchool')}
        </Text>
        {error && (
          <Text c="red.9" size="sm" role="alert">
            {t(error)}
          </Text>
        )}
        <Group>
          <Button size="compact-md" loading={loading} onClick={() => void handleValidate()}>
            {t('organizer.teachers.validate', { name })}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function PendingTeachersPage() {
  const { t } = useTranslation();
  usePageTitle(t('organizer.teachers.title'));
  const [message, setMessage] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { data, loading, error, refetch, fetchMore, updateQuery } = useQuery(
    PendingTeachersDocument,
    { variables: { first: TEACHERS_PAGE }, fetchPolicy: 'cache-and-network' },
  );
  const teachers = data?.pendingTeachers ?? [];
  // Whether more pages exist is known from the first page's size (validations shrink the list).
  const [more, setMore] = useState<boolean | null>(null);
  useEffect(() => {
    if (data && more === null) setMore(data.pendingTeachers.length >= TEACHERS_PAGE);
  }, [data, more]);

  function handleValidated(teacher: Teacher) {
    updateQuery((_unsafe, { complete, previousData }) =>
      complete
        ? { pendingTeachers: previousData.pendingTeachers.filter((u) => u.id !== teacher.id) }
        : undefined,
    );
    setMessage(t('organizer.teachers.validated', { name: fullName(teacher) }));
    // The row and its button are gone: give focus a place to land.
    headingRef.current?.focus();
  }

  async function loadMore() {
    const next = await fetchMore({
      variables: { after: teachers[teachers.length - 1].id },
      updateQuery: (previous, { fetchMoreResult }) => ({
        pendingTeachers: [...previous.pendingTeachers, ...fetchMoreResult.pendingTeachers],
      }),
    });
    if ((next.data?.pendingTeachers.length ?? 0) < TEACHERS_PAGE) setMore(false);
  }

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={paths.space}>
        {t('space.back')}
      </Anchor>
      <Title order={1} ref={headingRef} tabIndex={-1}>
        {t('organizer.teachers.title')}
      </Title>
      <Text>{t('organizer.teachers.intro')}</Text>
      <LiveStatus message={message} />
      <QueryState loading={loading && !data} error={error} onRetry={() => void refetch()} />
      {data && teachers.length === 0 && (
        <Alert variant="light" color="gray">
          {t('organizer.teachers.none')}
        </Alert>
      )}
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {teachers.map((teacher) => (
          <TeacherRow
            key={teacher.id}
            teacher={teacher}
            onValidated={() => handleValidated(teacher)}
          />
        ))}
      </Stack>
      {more && teachers.length > 0 && (
        <Group>
          <Button variant="outline" onClick={() => void loadMore()}>
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
