// Organizers invite jurors and organizers; each one-time code is shown with a copy button.
import { useMutation } from '@apollo/client/react';
import { Anchor, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../app/paths';
import { usePageTitle } from '../app/use-page-title';
import { FormAlert } from '../forms/FormAlert';
import { formErrorsFromApi, type FormErrors } from '../forms/form-errors';
import { useFocusFirstInvalid } from '../forms/use-focus-first-invalid';
import { CreateInvitationDocument, type Role } from '../gql/graphql';
import { SchoolPicker, type SchoolOption } from '../schools/SchoolPicker';
import { InviteCode } from '../teams/InviteCode';

interface Sent {
  email: string;
  role: Role;
  code: string;
}

export function InvitationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('organizer.invitations.title'));
  const [role, setRole] = useState<Role>('JUROR');
  const [email, setEmail] = useState('');
  const [school, setSchool] = useState<SchoolOption | null>(null);
  const [errors, setErrors] = useState<FormErrors<'email' | 'role' | 'schoolId'>>({});
  const [sent, setSent] = useState<Sent[]>([]);
  const formRef = useFocusFirstInvalid(errors);
  const [invite, { loading }] = useMutation(CreateInvitationDocument);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) return setErrors({ email: 'errors.fields.email' });
    setErrors({});
    try {
      const { data } = await invite({
        variables: {
          role,
          email: email.trim(),
          schoolId: role === 'JUROR' ? (school?.id ?? null) : null,
        },
      });
      if (data) {
        setSent((previous) => [
          { email: email.trim(), role, code: data.createInvitation },
          ...previous,
        ]);
        setEmail('');
        setSchool(null);
      }
    } catch (error) {
      setErrors(formErrorsFromApi(error, ['email', 'role', 'schoolId'] as const));
    }
  }

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={paths.space}>
        {t('space.back')}
      </Anchor>
      <Title order={1}>{t('organizer.invitations.title')}</Title>
      <Paper withBorder p="lg">
        <form ref={formRef} onSubmit={(e) => void handleSubmit(e)} noValidate>
          <Stack gap="sm">
            <FormAlert error={errors.form} />
            <Select
              label={t('organizer.invitations.role')}
              data={[
                { value: 'JUROR', label: t('home.role.JUROR') },
                { value: 'ORGANIZER', label: t('home.role.ORGANIZER') },
              ]}
              value={role}
              onChange={(v) => v && setRole(v as Role)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput
              label={t('signup.email')}
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={errors.email && t(errors.email)}
            />
            {role === 'JUROR' && (
              <SchoolPicker
                label={t('organizer.invitations.school')}
                value={school}
                onChange={setSchool}
                error={errors.schoolId && t(errors.schoolId)}
              />
            )}
            <Group>
              <Button type="submit" loading={loading}>
                {t('organizer.invitations.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <Stack component="section" aria-labelledby="codes-title" gap="sm" aria-live="polite">
        <Title order={2} size="h3" id="codes-title">
          {t('organizer.invitations.codes')}
        </Title>
        {sent.length === 0 && <Text>{t('organizer.invitations.none')}</Text>}
        {sent.map((s) => (
          <Paper key={s.code} withBorder p="md">
            <Text fw={700}>
              {s.email} · {t(`home.role.${s.role}`)}
            </Text>
            <InviteCode code={s.code} />
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
