// One score per criterion (its description and scale shown), a comment; a juror can also recuse.
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Fieldset, Group, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../forms/FormAlert';
import { formErrorsFromApi, hasErrors, type FormErrors } from '../forms/form-errors';
import { useFocusFirstInvalid } from '../forms/use-focus-first-invalid';
import {
  DeclareConflictDocument,
  MyAssignmentsDocument,
  ScoreSubmissionDocument,
  type HackathonDetailsFragment,
} from '../gql/graphql';

type Criterion = HackathonDetailsFragment['criteria'][number];

interface ScoringFormProps {
  assignmentId: string;
  criteria: readonly Criterion[];
  initialScores: Record<string, number>;
  initialComment: string;
  onDone: () => void;
}

export function ScoringForm({
  assignmentId,
  criteria,
  initialScores,
  initialComment,
  onDone,
}: ScoringFormProps) {
  const { t } = useTranslation();
  const [scores, setScores] = useState<Record<string, number | ''>>(() =>
    Object.fromEntries(criteria.map((c) => [c.id, initialScores[c.id] ?? ''])),
  );
  const [comment, setComment] = useState(initialComment);
  const [errors, setErrors] = useState<FormErrors<string>>({});
  const formRef = useFocusFirstInvalid(errors);
  const [score, { loading }] = useMutation(ScoreSubmissionDocument, {
    refetchQueries: [MyAssignmentsDocument],
  });

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const invalid: FormErrors<string> = {};
    for (const c of criteria) {
      const value = scores[c.id];
      if (value === '' || !Number.isInteger(value) || value < 0 || value > c.maxScore)
        invalid[c.id] = 'errors.fields.scores';
    }
    if (comment.length > 5000) invalid.comment = 'errors.fields.comment';
    setErrors(invalid);
    if (hasErrors(invalid)) return;
    try {
      await score({
        variables: {
          assignmentId,
          comment,
          scores: criteria.map((c) => ({ criterionId: c.id, value: Number(scores[c.id]) })),
        },
      });
      onDone();
    } catch (error) {
      setErrors(formErrorsFromApi(error, ['comment', 'scores'] as const));
    }
  }

  return (
    <form ref={formRef} onSubmit={(e) => void handleSubmit(e)} noValidate>
      <Stack gap="md">
        <FormAlert error={errors.form} />
        {errors.scores && (
          <Alert color="red" variant="light" role="alert">
            {t(errors.scores)}
          </Alert>
        )}
        {criteria.map((c) => (
          <Fieldset key={c.id} legend={`${c.name} (${t('jury.weight', { weight: c.weight })})`}>
            <Stack gap="xs">
              <Text size="sm">{c.description}</Text>
              <NumberInput
                label={t('jury.scoreLabel', { name: c.name, max: c.maxScore })}
                min={0}
                max={c.maxScore}
                step={1}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="strict"
                value={scores[c.id]}
                onChange={(value) =>
                  setScores((previous) => ({
                    ...previous,
                    [c.id]: typeof value === 'number' ? value : value === '' ? '' : Number(value),
                  }))
                }
                error={errors[c.id] && t('jury.scoreRange', { max: c.maxScore })}
              />
            </Stack>
          </Fieldset>
        ))}
        <Textarea
          label={t('jury.comment')}
          description={t('jury.commentHint')}
          autosize
          minRows={3}
          maxLength={5000}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          error={errors.comment && t(errors.comment)}
        />
        <Group>
          <Button type="submit" loading={loading}>
            {t('jury.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function DeclareConflictForm({
  assignmentId,
  onDone,
}: {
  assignmentId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors<'reason'>>({});
  const formRef = useFocusFirstInvalid(errors);
  const [declare, { loading }] = useMutation(DeclareConflictDocument, {
    refetchQueries: [MyAssignmentsDocument],
  });

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) return setErrors({ reason: 'errors.required' });
    setErrors({});
    try {
      await declare({ variables: { assignmentId, reason: reason.trim() } });
      onDone();
    } catch (error) {
      setErrors(formErrorsFromApi(error, ['reason'] as const));
    }
  }

  return (
    <form ref={formRef} onSubmit={(e) => void handleSubmit(e)} noValidate>
      <Stack gap="sm">
        <FormAlert error={errors.form} />
        <Textarea
          label={t('jury.conflict.reason')}
          description={t('jury.conflict.hint')}
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason && t(errors.reason)}
        />
        <Group>
          <Button type="submit" variant="outline" loading={loading}>
            {t('jury.conflict.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
