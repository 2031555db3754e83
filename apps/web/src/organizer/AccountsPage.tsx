// Organizers find an account (name, email or login) and suspend it after confirming: its sessions
// end at once (RULES.md). Results come a page at a time.
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../accounts/use-me';
import { readApiError } from '../apollo/api-error';
import { paths } from '../app/paths';
import { usePageTitle } from '../app/use-page-title';
import { formErrorsFromApi, type ErrorKey, type FormErrors } from '../forms/form-errors';
import { QueryState } from '../forms/QueryState';
import {
  SuspendUserDocument,
  UsersDocument,
  type AccountStatus,
  type Role,
  type UsersQuery,
} from '../gql/graphql';
import { LiveStatus } from '../live/LiveStatus';
import { fullName } from './PendingTeachersPage';

export const USERS_PAGE = 25;
const ANY = 'ANY';
const ROLES: Role[] = ['PUPIL', 'TEACHER', 'JUROR', 'ORGANIZER'];
const STATUSES: AccountStatus[] = ['ACTIVE', 'PENDING', 'SUSPENDED'];
const statusColors: Record<AccountStatus, string> = {
  ACTIVE: 'teal',
  PENDING: 'violet',
  SUSPENDED: 'red',
};

type User = UsersQuery['users'][number];

interface Filters {
  search: string;
  role: string;
  status: string;
}

/** Mantine darkens a shade-9 button on hover to shade 8, below AA with white text: keep shade 9. */
const dangerButtonVars = () => ({ root: { '--button-hover': 'var(--mantine-color-red-9)' } });

function SuspendDialog({
  user,
  opened,
  onClose,
  onSuspended,
}: {
  /** Kept while the dialog fades out, so its text does not change under the eyes. */
  user: User | null;
  opened: boolean;
  onClose: () => void;
  onSuspended: (user: User) => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<ErrorKey | 'organizer.accounts.notYourself' | null>(null);
  const [suspend, { loading }] = useMutation(SuspendUserDocument);
  const name = user ? fullName(user) : '';

  async function handleConfirm() {
    if (!user) return;
    setError(null);
    try {
      await suspend({ variables: { userId: user.id } });
      onSuspended(user);
    } catch (e) {
      const api = readApiError(e);
      setError(
        api.code === 'BAD_USER_INPUT'
          ? 'organizer.accounts.notYourself'
          : `errors.code.${api.code}`,
      );
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={() => {
        setError(null);
        onClose();
      }}
      title={t('organizer.accounts.confirmTitle', { name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <Text>{t('organizer.accounts.confirmBody')}</Text>
        {error && (
          <Alert color="red" variant="light" role="alert">
            {t(error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="outline" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red.9"
            vars={dangerButtonVars}
            loading={loading}
            onClick={() => void handleConfirm()}
          >
            {t('organizer.accounts.suspend', { name })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function AccountsPage() {
  const { t } = useTranslation();
  usePageTitle(t('organizer.accounts.title'));
  const { me } = useMe();
  const [draft, setDraft] = useState<Filters>({ search: '', role: ANY, status: ANY });
  const [filters, setFilters] = useState<Filters | null>(null);
  const [errors, setErrors] = useState<FormErrors<'search'>>({});
  const [done, setDone] = useState(false);
  const [target, setTarget] = useState<User | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const { data, loading, error, refetch, fetchMore } = useQuery(UsersDocument, {
    variables: {
      search: filters?.search || null,
      role: filters && filters.role !== ANY ? (filters.role as Role) : null,
      status: filters && filters.status !== ANY ? (filters.status as AccountStatus) : null,
      first: USERS_PAGE,
    },
    skip: filters === null,
  });
  const users = data?.users ?? [];
  const searchError = error ? formErrorsFromApi(error, ['search'] as const) : {};
  const fieldError = errors.search ?? searchError.search;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (draft.search.trim().length > 100) return setErrors({ search: 'errors.fields.search' });
    setErrors({});
    setDone(false);
    setFilters({ ...draft, search: draft.search.trim() });
  }

  async function loadMore() {
    const next = await fetchMore({
      variables: { after: users[users.length - 1].id },
      updateQuery: (previous, { fetchMoreResult }) => ({
        users: [...previous.users, ...fetchMoreResult.users],
      }),
    });
    if ((next.data?.users.length ?? 0) < USERS_PAGE) setDone(true);
  }

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={paths.space}>
        {t('space.back')}
      </Anchor>
      <Title order={1}>{t('organizer.accounts.title')}</Title>
      <Paper withBorder p="lg">
        <form
          onSubmit={handleSubmit}
          noValidate
          role="search"
          aria-label={t('organizer.accounts.searchForm')}
        >
          <Stack gap="sm">
            <TextInput
              label={t('organizer.accounts.search')}
              description={t('organizer.accounts.searchHint')}
              value={draft.search}
              maxLength={100}
              onChange={(e) => setDraft({ ...draft, search: e.currentTarget.value })}
              error={fieldError && t(fieldError)}
            />
            <Group gap="md" wrap="wrap" align="flex-end">
              <Select
                label={t('organizer.accounts.role')}
                data={[
                  { value: ANY, label: t('organizer.accounts.anyRole') },
                  ...ROLES.map((role) => ({ value: role, label: t(`home.role.${role}`) })),
                ]}
                value={draft.role}
                onChange={(v) => setDraft({ ...draft, role: v ?? ANY })}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
              />
              <Select
                label={t('organizer.accounts.status')}
                data={[
                  { value: ANY, label: t('organizer.accounts.anyStatus') },
                  ...STATUSES.map((status) => ({
                    value: status,
                    label: t(`organizer.accounts.statuses.${status}`),
                  })),
                ]}
                value={draft.status}
                onChange={(v) => setDraft({ ...draft, status: v ?? ANY })}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
              />
              <Button type="submit">{t('organizer.accounts.find')}</Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <Stack component="section" aria-labelledby="accounts-results" gap="sm">
        <Title order={2} size="h3" id="accounts-results">
          {t('organizer.accounts.results')}
        </Title>
        <LiveStatus message={message} />
        {filters === null && <Text>{t('organizer.accounts.start')}</Text>}
        {!searchError.search && (
          <QueryState loading={loading && !data} error={error} onRetry={() => void refetch()} />
        )}
        {data && users.length === 0 && (
          <Alert variant="light" color="gray">
            {t('organizer.accounts.none')}
          </Alert>
        )}
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {users.map((user) => {
            const name = fullName(user);
            return (
              <Paper key={user.id} withBorder p="md" component="li" aria-label={name}>
                <Group justify="space-between" wrap="wrap" gap="sm">
                  <Stack gap={2}>
                    <Group gap="xs">
                      <Text fw={700}>{name}</Text>
                      <Badge variant="light" color={statusColors[user.status]}>
                        {t(`organizer.accounts.statuses.${user.status}`)}
                      </Badge>
                    </Group>
                    <Text size="sm">
                      {t(`home.role.${user.role}`)}
                      {user.school && ` · ${user.school.name}`}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {user.email ?? user.login}
                    </Text>
                  </Stack>
                  {user.status !== 'SUSPENDED' && user.id !== me?.id && (
                    <Button
                      variant="outline"
                      color="red.9"
                      size="compact-md"
                      onClick={() => {
                        setTarget(user);
                        setConfirming(true);
                      }}
                    >
                      {t('organizer.accounts.suspend', { name })}
                    </Button>
                  )}
                </Group>
              </Paper>
            );
          })}
        </Stack>
        {!done && users.length >= USERS_PAGE && (
          <Group>
            <Button variant="outline" onClick={() => void loadMore()}>
              {t('common.loadMore')}
            </Button>
          </Group>
        )}
      </Stack>
      <SuspendDialog
        user={target}
        opened={confirming}
        onClose={() => setConfirming(false)}
        onSuspended={(user) => {
          setConfirming(false);
          setMessage(t('organizer.accounts.suspended', { name: fullName(user) }));
        }}
      />
    </Stack>
  );
}
