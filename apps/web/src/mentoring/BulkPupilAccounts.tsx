// A teacher creates pupil accounts in bulk (pasted list or CSV), then prints logins and passwords.
import { useMutation } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  FileInput,
  Group,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../app/paths';
import { usePageTitle } from '../app/use-page-title';
import { FormAlert } from '../forms/FormAlert';
import { formErrorsFromApi, type FormErrors } from '../forms/form-errors';
import { CreatePupilAccountsDocument, type CreatePupilAccountsMutation } from '../gql/graphql';
import { needsParentalConsent } from '../teams/validation-checklist';
import { parsePupilList } from './pupil-list';

type Created = CreatePupilAccountsMutation['createPupilAccounts'];

function PrintableSheet({ accounts }: { accounts: Created }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" className="printable">
      <Alert color="orange" variant="light" className="no-print">
        {t('mentoring.bulk.onceOnly')}
      </Alert>
      <Group className="no-print">
        <Button onClick={() => window.print()}>{t('mentoring.bulk.print')}</Button>
      </Group>
      <Table striped withTableBorder>
        <Table.Caption>{t('mentoring.bulk.sheetCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('mentoring.bulk.pupil')}</Table.Th>
            <Table.Th scope="col">{t('mentoring.bulk.login')}</Table.Th>
            <Table.Th scope="col">{t('mentoring.bulk.password')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accounts.map((account) => (
            <Table.Tr key={account.user.id}>
              <Table.Th scope="row">
                {[account.user.firstName, account.user.lastName].filter(Boolean).join(' ') ||
                  account.user.displayName}
              </Table.Th>
              <Table.Td>
                <code>{account.login}</code>
              </Table.Td>
              <Table.Td>
                <code>{account.temporaryPassword}</code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function BulkPupilAccounts() {
  const { t } = useTranslation();
  usePageTitle(t('mentoring.bulk.title'));
  const [text, setText] = useState('');
  const [consents, setConsents] = useState<Record<number, boolean>>({});
  const [errors, setErrors] = useState<FormErrors<'pupils'>>({});
  const [created, setCreated] = useState<Created | null>(null);
  const [create, { loading }] = useMutation(CreatePupilAccountsDocument);
  const parsed = useMemo(() => parsePupilList(text), [text]);

  async function readFile(file: File | null) {
    if (file) setText(await file.text());
  }

  async function handleCreate() {
    if (parsed.pupils.length === 0) return setErrors({ pupils: 'errors.required' });
    const missingConsent = parsed.pupils.some(
      (p) => needsParentalConsent(p.birthYear) && !consents[p.line],
    );
    if (missingConsent) return setErrors({ pupils: 'errors.consentRequired' });
    setErrors({});
    try {
      const { data } = await create({
        variables: {
          pupils: parsed.pupils.map((p) => ({
            firstName: p.firstName,
            lastName: p.lastName,
            birthYear: p.birthYear,
            parentalConsentConfirmed: consents[p.line] ?? false,
          })),
        },
      });
      if (data) setCreated(data.createPupilAccounts);
    } catch (error) {
      setErrors(formErrorsFromApi(error, ['pupils'] as const));
    }
  }

  return (
    <Stack gap="lg">
      <Title order={1}>{t('mentoring.bulk.title')}</Title>
      <Anchor component={Link} to={paths.space} className="no-print">
        {t('space.back')}
      </Anchor>
      {created ? (
        <PrintableSheet accounts={created} />
      ) : (
        <Stack gap="md">
          <Text>{t('mentoring.bulk.intro')}</Text>
          <Textarea
            label={t('mentoring.bulk.paste')}
            description={t('mentoring.bulk.pasteHint')}
            autosize
            minRows={5}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={errors.pupils && t(errors.pupils)}
          />
          <FileInput
            label={t('mentoring.bulk.csv')}
            accept=".csv,text/csv,text/plain"
            clearable
            onChange={(file) => void readFile(file)}
          />
          {parsed.invalidLines.length > 0 && (
            <Alert color="orange" variant="light" role="status">
              {t('mentoring.bulk.invalidLines', { lines: parsed.invalidLines.join(', ') })}
            </Alert>
          )}
          {parsed.pupils.length > 0 && (
            <Table.ScrollContainer minWidth={320}>
              <Table withTableBorder>
                <Table.Caption>
                  {t('mentoring.bulk.preview', { count: parsed.pupils.length })}
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('mentoring.bulk.pupil')}</Table.Th>
                    <Table.Th scope="col">{t('signup.birthYear')}</Table.Th>
                    <Table.Th scope="col">{t('mentoring.pending.consentShort')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {parsed.pupils.map((p) => (
                    <Table.Tr key={p.line}>
                      <Table.Th scope="row">
                        {p.firstName} {p.lastName}
                      </Table.Th>
                      <Table.Td>{p.birthYear}</Table.Td>
                      <Table.Td>
                        {needsParentalConsent(p.birthYear) ? (
                          <Checkbox
                            aria-label={t('mentoring.bulk.consentFor', {
                              name: `${p.firstName} ${p.lastName}`,
                            })}
                            checked={consents[p.line] ?? false}
                            onChange={(e) => {
                              const checked = e.currentTarget.checked;
                              setConsents((previous) => ({ ...previous, [p.line]: checked }));
                            }}
                          />
                        ) : (
                          t('mentoring.bulk.notNeeded')
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <FormAlert error={errors.form} />
          <Group>
            <Button loading={loading} onClick={() => void handleCreate()}>
              {t('mentoring.bulk.create', { count: parsed.pupils.length })}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
