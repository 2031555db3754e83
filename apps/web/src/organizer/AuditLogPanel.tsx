// Who did what and when, newest first, a page at a time.
import { useQuery } from '@apollo/client/react';
import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../forms/QueryState';
import { AuditLogDocument } from '../gql/graphql';
import { formatDateTime } from '../hackathons/format';

const PAGE = 50;

export function AuditLogPanel({ hackathonId }: { hackathonId: string }) {
  const { t, i18n } = useTranslation();
  const { data, loading, error, refetch, fetchMore } = useQuery(AuditLogDocument, {
    variables: { hackathonId, first: PAGE },
  });
  const [done, setDone] = useState(false);
  const entries = data?.auditLog ?? [];
  const language = i18n.resolvedLanguage ?? i18n.language;

  async function loadMore() {
    const more = await fetchMore({
      variables: { after: entries[entries.length - 1].id },
      updateQuery: (previous, { fetchMoreResult }) => ({
        auditLog: [...previous.auditLog, ...fetchMoreResult.auditLog],
      }),
    });
    if ((more.data?.auditLog.length ?? 0) < PAGE) setDone(true);
  }

  return (
    <Stack gap="md" component="section" aria-labelledby="audit-title">
      <Title order={2} size="h3" id="audit-title">
        {t('organizer.audit.title')}
      </Title>
      <QueryState loading={loading && !data} error={error} onRetry={() => void refetch()} />
      {data && entries.length === 0 && <Text>{t('organizer.audit.none')}</Text>}
      {entries.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('organizer.audit.when')}</Table.Th>
                <Table.Th scope="col">{t('organizer.audit.who')}</Table.Th>
                <Table.Th scope="col">{t('organizer.audit.what')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td>
                    <time dateTime={entry.createdAt}>
                      {formatDateTime(entry.createdAt, language)}
                    </time>
                  </Table.Td>
                  <Table.Td>{entry.actor?.displayName ?? t('organizer.audit.system')}</Table.Td>
                  <Table.Td>
                    <code>{entry.action}</code> · {entry.entityType}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {!done && entries.length > 0 && entries.length % PAGE === 0 && (
        <Group>
          <Button variant="outline" onClick={() => void loadMore()}>
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
