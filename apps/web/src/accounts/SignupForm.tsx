// Self sign-up of a pupil or a teacher. The account starts PENDING: the next page says who validates it.
import { useApolloClient, useMutation } from '@apollo/client/react';
import { Button, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionStore } from '../auth/session-store';
import { FormAlert } from '../forms/FormAlert';
import { formErrorsFromApi, hasErrors, type FormErrors } from '../forms/form-errors';
import { useFocusFirstInvalid } from '../forms/use-focus-first-invalid';
import { RegisterDocument, type Role } from '../gql/graphql';
import { SchoolPicker, type SchoolOption } from '../schools/SchoolPicker';
import { AccessiblePasswordInput } from '../forms/AccessiblePasswordInput';

const FIELDS = [
  'firstName',
  'lastName',
  'email',
  'password',
  'birthYear',
  'schoolId',
  'role',
] as const;
type Field = (typeof FIELDS)[number];

/** Pupils are 10 to 20 years old (RULES.md). */
export function birthYearIsPlausible(year: number, now = new Date()): boolean {
  const age = now.getFullYear() - year;
  return Number.isInteger(year) && age >= 10 && age <= 20;
}

export function SignupForm({ onSignedUp }: { onSignedUp: () => void }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [register, { loading }] = useMutation(RegisterDocument);
  const [role, setRole] = useState<Extract<Role, 'PUPIL' | 'TEACHER'>>('PUPIL');
  const [values, setValues] = useState({
    firstName: '',
    lastName: '',
    email: '',
    password: '',
    birthYear: '',
  });
  const [school, setSchool] = useState<SchoolOption | null>(null);
  const [errors, setErrors] = useState<FormErrors<Field>>({});
  const formRef = useFocusFirstInvalid(errors);

  const set = (field: keyof typeof values) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((previous) => ({ ...previous, [field]: value }));
  };

  function validate(): FormErrors<Field> {
    const next: FormErrors<Field> = {};
    if (!values.firstName.trim()) next.firstName = 'errors.required';
    if (!values.lastName.trim()) next.lastName = 'errors.required';
    if (!/^\S+@\S+\.\S+$/.test(values.email.trim())) next.email = 'errors.fields.email';
    if (values.password.length < 10) next.password = 'errors.passwordTooShort';
    if (role === 'PUPIL' && !birthYearIsPlausible(Number(values.birthYear)))
      next.birthYear = 'errors.invalidYear';
    if (!school) next.schoolId = 'errors.fields.schoolId';
    return next;
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const invalid = validate();
    setErrors(invalid);
    if (hasErrors(invalid) || !school) return;
    try {
      const { data } = await register({
        variables: {
          input: {
            role,
            firstName: values.firstName.trim(),
            lastName: values.lastName.trim(),
            email: values.email.trim(),
            password: values.password,
            schoolId: school.id,
            birthYear: role === 'PUPIL' ? Number(values.birthYear) : null,
          },
        },
      });
      if (!data) return;
      await client.clearStore();
      sessionStore.start(data.register);
      onSignedUp();
    } catch (error) {
      setErrors(
        formErrorsFromApi(error, FIELDS, {
          fieldForCode: { CONFLICT: 'email' },
          messageForCode: { CONFLICT: 'errors.emailTaken' },
        }),
      );
    }
  }

  const error = (field: Field) => (errors[field] ? t(errors[field]) : undefined);

  return (
    <form ref={formRef} onSubmit={(e) => void handleSubmit(e)} noValidate>
      <Stack gap="md">
        <FormAlert error={errors.form} />
        <div>
          <Text component="span" id="signup-role" fw={500} size="sm">
            {t('signup.roleLabel')}
          </Text>
          <SegmentedControl
            aria-labelledby="signup-role"
            fullWidth
            value={role}
            onChange={(value) => setRole(value as 'PUPIL' | 'TEACHER')}
            data={[
              { value: 'PUPIL', label: t('signup.rolePupil') },
              { value: 'TEACHER', label: t('signup.roleTeacher') },
            ]}
          />
        </div>
        <TextInput
          label={t('signup.firstName')}
          autoComplete="given-name"
          required
          value={values.firstName}
          onChange={set('firstName')}
          error={error('firstName')}
        />
        <TextInput
          label={t('signup.lastName')}
          description={t('signup.lastNameHint')}
          autoComplete="family-name"
          required
          value={values.lastName}
          onChange={set('lastName')}
          error={error('lastName')}
        />
        {role === 'PUPIL' && (
          <TextInput
            label={t('signup.birthYear')}
            description={t('signup.birthYearHint')}
            inputMode="numeric"
            maxLength={4}
            required
            value={values.birthYear}
            onChange={set('birthYear')}
            error={error('birthYear')}
          />
        )}
        <SchoolPicker value={school} onChange={setSchool} required error={error('schoolId')} />
        <TextInput
          label={t('signup.email')}
          type="email"
          autoComplete="email"
          required
          value={values.email}
          onChange={set('email')}
          error={error('email')}
        />
        <AccessiblePasswordInput
          label={t('signup.password')}
          description={t('signup.passwordHint')}
          autoComplete="new-password"
          required
          value={values.password}
          onChange={set('password')}
          error={error('password')}
        />
        <Button type="submit" loading={loading}>
          {t('signup.submit')}
        </Button>
      </Stack>
    </form>
  );
}
