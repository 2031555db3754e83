// The team's project: Markdown with preview, autosave (optimistic locking on `version`), the conflict
// screen when a teammate saved first, and submission.
import { useApolloClient, useMutation } from '@apollo/client/react';
import { Badge, Button, Group, Stack, Tabs, Text, TextInput, Textarea } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasErrorCode } from '../apollo/api-error';
import { FormAlert } from '../forms/FormAlert';
import { formErrorsFromApi, hasErrors, type FormErrors } from '../forms/form-errors';
import {
  LatestSubmissionDocument,
  SaveSubmissionDocument,
  SubmitSubmissionDocument,
  type SubmissionFieldsFragment,
} from '../gql/graphql';
import { Markdown } from '../markdown/Markdown';
import { ConflictScreen } from './ConflictScreen';
import {
  SUBMISSION_FIELDS,
  URL_FIELDS,
  sameValues,
  toInput,
  validateSubmission,
  valuesOf,
  type SubmissionField,
  type SubmissionValues,
} from './submission-values';

type SaveState = 'idle' | 'saving' | 'saved' | 'error' | 'blocked';

interface ProjectEditorProps {
  teamId: string;
  submission: SubmissionFieldsFragment | null;
  /** Milliseconds of quiet typing before an autosave. */
  autosaveDelay?: number;
}

export function ProjectEditor({ teamId, submission, autosaveDelay = 1500 }: ProjectEditorProps) {
  const { t, i18n } = useTranslation();
  const client = useApolloClient();
  const [saveSubmission] = useMutation(SaveSubmissionDocument);
  const [submitSubmission, submitting] = useMutation(SubmitSubmissionDocument);
  const [values, setValues] = useState<SubmissionValues>(() => valuesOf(submission));
  // The server copy the editor started from: its version is the `expectedVersion` of the next save.
  const [base, setBase] = useState(() => ({
    version: submission?.version ?? null,
    values: valuesOf(submission),
  }));
  const [state, setState] = useState<SaveState>('idle');
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [status, setStatus] = useState(submission?.status ?? 'DRAFT');
  const [conflict, setConflict] = useState<SubmissionFieldsFragment | null>(null);
  const [errors, setErrors] = useState<FormErrors<SubmissionField>>({});
  const saving = useRef(false);
  const dirty = !sameValues(values, base.values);

  const save = useCallback(
    async (toSave: SubmissionValues, expectedVersion: number | null): Promise<boolean> => {
      saving.current = true;
      setState('saving');
      try {
        const { data } = await saveSubmission({
          variables: { teamId, input: toInput(toSave), expectedVersion },
        });
        if (!data) return false;
        const saved = data.saveSubmission;
        setBase({ version: saved.version, values: toSave });
        setSavedAt(saved.updatedAt);
        setStatus(saved.status);
        setErrors({});
        setState('saved');
        return true;
      } catch (error) {
        if (hasErrorCode(error, 'CONFLICT')) {
          const latest = await client
            .query({
              query: LatestSubmissionDocument,
              variables: { teamId },
              fetchPolicy: 'network-only',
            })
            .catch(() => null);
          const theirs = latest?.data?.team?.submission ?? null;
          if (theirs) {
            setConflict(theirs);
            setState('idle');
            return false;
          }
        }
        setErrors(formErrorsFromApi(error, SUBMISSION_FIELDS));
        setState('error');
        return false;
      } finally {
        saving.current = false;
      }
    },
    [client, saveSubmission, teamId],
  );

  // Autosave after a pause in typing; never while a save is in flight or a conflict is open.
  useEffect(() => {
    if (!dirty || conflict || state === 'saving' || saving.current) return;
    if (hasErrors(validateSubmission(values))) {
      setState('blocked');
      return;
    }
    const timer = window.setTimeout(() => void save(values, base.version), autosaveDelay);
    return () => window.clearTimeout(timer);
  }, [values, dirty, conflict, state, base.version, autosaveDelay, save]);

  async function handleSubmit() {
    const invalid = validateSubmission(values);
    setErrors(invalid);
    if (hasErrors(invalid)) return;
    if ((dirty || base.version === null) && !(await save(values, base.version))) return;
    try {
      const { data } = await submitSubmission({ variables: { teamId } });
      if (data) setStatus(data.submitSubmission.status);
    } catch (error) {
      setErrors(formErrorsFromApi(error, SUBMISSION_FIELDS));
    }
  }

  const set = (field: SubmissionField) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((previous) => ({ ...previous, [field]: value }));
  };
  const fieldError = (field: SubmissionField) => (errors[field] ? t(errors[field]) : undefined);

  if (conflict) {
    const theirs = valuesOf(conflict);
    return (
      <ConflictScreen
        mine={values}
        theirs={theirs}
        theirVersion={conflict.version}
        busy={state === 'saving'}
        onKeepMine={() => void save(values, conflict.version).then((ok) => ok && setConflict(null))}
        onTakeTheirs={() => {
          setValues(theirs);
          setBase({ version: conflict.version, values: theirs });
          setStatus(conflict.status);
          setConflict(null);
          setState('idle');
        }}
      />
    );
  }

  const language = i18n.resolvedLanguage ?? i18n.language;
  const stateText =
    state === 'saving'
      ? t('submissions.autosave.saving')
      : state === 'blocked'
        ? t('submissions.autosave.blocked')
        : state === 'error'
          ? t('submissions.autosave.error')
          : dirty
            ? t('submissions.autosave.dirty')
            : savedAt
              ? t('submissions.autosave.saved', {
                  time: new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(
                    new Date(savedAt),
                  ),
                })
              : t('submissions.autosave.upToDate');

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void handleSubmit();
      }}
    >
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <Badge variant="light" color={status === 'SUBMITTED' ? 'blue' : 'gray'} size="lg">
            {t(`submissions.status.${status}`)}
          </Badge>
          <Text size="sm" role="status">
            {stateText}
          </Text>
        </Group>
        <FormAlert error={errors.form} />
        <TextInput
          label={t('submissions.fields.title')}
          required
          maxLength={120}
          value={values.title}
          onChange={set('title')}
          error={fieldError('title')}
        />
        <Textarea
          label={t('submissions.fields.summary')}
          description={t('submissions.summaryHint')}
          autosize
          minRows={2}
          maxLength={500}
          value={values.summary}
          onChange={set('summary')}
          error={fieldError('summary')}
        />
        <Tabs defaultValue="write" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="write">{t('submissions.write')}</Tabs.Tab>
            <Tabs.Tab value="preview">{t('submissions.preview')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="write" pt="sm">
            <Textarea
              label={t('submissions.fields.description')}
              description={t('submissions.markdownHint')}
              autosize
              minRows={8}
              maxRows={24}
              value={values.description}
              onChange={set('description')}
              error={fieldError('description')}
            />
          </Tabs.Panel>
          <Tabs.Panel value="preview" pt="sm">
            {values.description.trim() ? (
              <Markdown source={values.description} />
            ) : (
              <Text c="dimmed">{t('submissions.emptyPreview')}</Text>
            )}
          </Tabs.Panel>
        </Tabs>
        {URL_FIELDS.map((field) => (
          <TextInput
            key={field}
            label={t(`submissions.fields.${field}`)}
            type="url"
            inputMode="url"
            placeholder="https://"
            value={values[field]}
            onChange={set(field)}
            error={fieldError(field)}
          />
        ))}
        <Group>
          <Button
            type="button"
            variant="outline"
            disabled={!dirty}
            loading={state === 'saving'}
            onClick={() => {
              const invalid = validateSubmission(values);
              setErrors(invalid);
              if (!hasErrors(invalid)) void save(values, base.version);
            }}
          >
            {t('submissions.saveNow')}
          </Button>
          <Button type="submit" loading={submitting.loading}>
            {status === 'SUBMITTED' ? t('submissions.resubmit') : t('submissions.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
