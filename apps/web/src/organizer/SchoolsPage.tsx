// Organizers add schools (UAI, name, city, department, level) and search the existing ones.
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Anchor,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../app/paths';
import { usePageTitle } from '../app/use-page-title';
import { FormAlert } from '../forms/FormAlert';
import { formErrorsFromApi, hasErrors, type FormErrors } from '../forms/form-errors';
import { useFocusFirstInvalid } from '../forms/use-focus-first-invalid';
import { CreateSchoolDocument, SchoolsDocument, type SchoolLevel } from '../gql/graphql';

const FIELDS = ['uai', 'name', 'city', 'department', 'level'] as const;
type Field = (typeof FIELDS)[number];

function CreateSchoolForm() {
  const { t } = useTranslation();
  const [values, setValues] = useState({ uai: '', name: '', city: '', department: '' });
  const [level, setLevel] = useState<SchoolLevel>('COLLEGE');
  const [errors, setErrors] = useState<FormErrors<Field>>({});
  const [created, setCreated] = useState<string | null>(null);
  const formRef = useFocusFirstInvalid(errors);
  const [create, { loading }] = useMutation(CreateSchoolDocument, {
    refetchQueries: [SchoolsDocument],
  });
  const set = (field: keyof typeof values) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((previous) => ({ ...previous, [field]: value }));
  };

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const invalid: FormErrors<Field> = {};
    if (!/^\d{7}[A-Z]$/.test(values.uai.trim())) invalid.uai = 'errors.fields.uai';
    if (!values.name.trim()) invalid.name = 'errors.required';
    if (!values.city.trim()) invalid.city = 'errors.required';
    if (!/^(\d{2,3}|2[AB])$/.test(values.department.trim()))
      invalid.department = 'errors.fields.department';
    setErrors(invalid);
    setCreated(null);
    if (hasErrors(invalid)) return;
    try {
      const { data } = await create({
        variables: {
          input: {
            uai: values.uai.trim(),
            name: values.name.trim(),
            city: values.city.trim(),
            department: values.department.trim(),
            level,
          },
        },
      });
      if (data) {
        setCreated(data.createSchool.name);
        setValues({ uai: '', name: '', city: '', department: '' });
      }
    } catch (error) {
      setErrors(formErrorsFromApi(error, FIELDS, { fieldForCode: { CONFLICT: 'uai' } }));
    }
  }

  const error = (field: Field) => (errors[field] ? t(errors[field]) : undefined);
  return (
    <form ref={formRef} onSubmit={(e) => void handleSubmit(e)} noValidate>
      <Stack gap="sm">
        <FormAlert error={errors.form} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('organizer.schools.uai')}
            description={t('organizer.schools.uaiHint')}
            required
            value={values.uai}
            onChange={set('uai')}
            error={error('uai')}
          />
          <TextInput
            label={t('organizer.schools.name')}
            required
            value={values.name}
            onChange={set('name')}
            error={error('name')}
          />
          <TextInput
            label={t('organizer.schools.city')}
            required
            value={values.city}
            onChange={set('city')}
            error={error('city')}
          />
          <TextInput
            label={t('organizer.schools.department')}
            required
            value={values.department}
            onChange={set('department')}
            error={error('department')}
          />
          <Select
            label={t('organizer.schools.level')}
            data={[
              { value: 'COLLEGE', label: t('schools.level.COLLEGE') },
              { value: 'LYCEE', label: t('schools.level.LYCEE') },
            ]}
            value={level}
            onChange={(v) => v && setLevel(v as SchoolLevel)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={loading}>
            {t('organizer.schools.create')}
          </Button>
          {created && (
            <span role="status">{t('organizer.schools.created', { name: created })}</span>
          )}
        </Group>
      </Stack>
    </form>
  );
}

export function SchoolsPage() {
  const { t } = useTranslation();
  usePageTitle(t('organizer.schools.title'));
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const { data } = useQuery(SchoolsDocument, { variables: { search: debounced || null } });
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={paths.space}>
        {t('space.back')}
      </Anchor>
      <Title order={1}>{t('organizer.schools.title')}</Title>
      <Paper withBorder p="lg" component="section" aria-labelledby="new-school">
        <Title order={2} size="h3" id="new-school" mb="sm">
          {t('organizer.schools.new')}
        </Title>
        <CreateSchoolForm />
      </Paper>
      <Stack component="section" aria-labelledby="school-list" gap="sm">
        <Title order={2} size="h3" id="school-list">
          {t('organizer.schools.list')}
        </Title>
        <TextInput
          label={t('organizer.schools.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          maw={360}
        />
        <Table.ScrollContainer minWidth={480}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('organizer.schools.name')}</Table.Th>
                <Table.Th scope="col">{t('organizer.schools.city')}</Table.Th>
                <Table.Th scope="col">{t('organizer.schools.uai')}</Table.Th>
                <Table.Th scope="col">{t('organizer.schools.level')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(data?.schools ?? []).map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Th scope="row">{s.name}</Table.Th>
                  <Table.Td>
                    {s.city} ({s.department})
                  </Table.Td>
                  <Table.Td>{s.uai}</Table.Td>
                  <Table.Td>{t(`schools.level.${s.level}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Stack>
  );
}
