// How each juror scores: one small box plot per juror on the same 0–100 scale (box = middle half of
// their weighted scores, line = median, whiskers = lowest/highest, dots = every score), so severe and
// lenient jurors stand out. The table below says the same in numbers (text alternative).
import { useQuery } from '@apollo/client/react';
import { Box, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../forms/QueryState';
import { JurorScoreDistributionDocument, type JurorScoreDistributionQuery } from '../gql/graphql';

type Juror = JurorScoreDistributionQuery['jurorScoreDistribution'][number];

const WIDTH = 320;
const ROW = 36;
const PAD = 12;
const TICKS = [0, 25, 50, 75, 100];
/** x position of a 0–100 score in the drawing. */
const x = (score: number) => PAD + (score / 100) * (WIDTH - 2 * PAD);

/** The mean of every score given in the hackathon (the dashed reference line). */
export function overallMean(jurors: readonly Juror[]): number | null {
  const all = jurors.flatMap((j) => j.scores);
  return all.length ? all.reduce((a, b) => a + b, 0) / all.length : null;
}

function BoxPlot({
  juror,
  reference,
  label,
}: {
  juror: Juror;
  reference: number | null;
  label: string;
}) {
  const y = ROW / 2;
  const has = juror.count > 0 && juror.min != null && juror.max != null;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${ROW}`}
      width="100%"
      role="img"
      aria-label={label}
      style={{ display: 'block', maxWidth: 640 }}
    >
      <line x1={x(0)} x2={x(100)} y1={y} y2={y} stroke="var(--mantine-color-gray-4)" />
      {TICKS.map((tick) => (
        <line
          key={tick}
          x1={x(tick)}
          x2={x(tick)}
          y1={y - 3}
          y2={y + 3}
          stroke="var(--mantine-color-gray-6)"
        />
      ))}
      {reference != null && (
        <line
          x1={x(reference)}
          x2={x(reference)}
          y1={2}
          y2={ROW - 2}
          stroke="var(--mantine-color-orange-8)"
          strokeDasharray="3 3"
        />
      )}
      {has && (
        <g stroke="var(--mantine-color-indigo-8)" strokeWidth={1.5}>
          <line x1={x(juror.min!)} x2={x(juror.max!)} y1={y} y2={y} />
          <line x1={x(juror.min!)} x2={x(juror.min!)} y1={y - 6} y2={y + 6} />
          <line x1={x(juror.max!)} x2={x(juror.max!)} y1={y - 6} y2={y + 6} />
          <rect
            x={x(juror.q1!)}
            y={y - 9}
            width={Math.max(1, x(juror.q3!) - x(juror.q1!))}
            height={18}
            fill="var(--mantine-color-indigo-1)"
          />
          <line x1={x(juror.median!)} x2={x(juror.median!)} y1={y - 9} y2={y + 9} strokeWidth={3} />
        </g>
      )}
      {juror.scores.map((score, i) => (
        <circle
          key={i}
          cx={x(score)}
          cy={y + 13}
          r={2.5}
          fill="var(--mantine-color-indigo-8)"
          fillOpacity={0.6}
        />
      ))}
    </svg>
  );
}

/**
 * The 0–100 scale under the plots, in HTML so its text keeps the page's size whatever the plots'
 * width (decorative: every figure is in each plot's label and in the table).
 */
function Axis() {
  return (
    <Box pos="relative" h="1.4em" maw={640} aria-hidden>
      {TICKS.map((tick) => (
        <Text
          key={tick}
          component="span"
          size="xs"
          c="dimmed"
          pos="absolute"
          top={0}
          left={`${(x(tick) / WIDTH) * 100}%`}
          style={{ transform: 'translateX(-50%)' }}
        >
          {tick}
        </Text>
      ))}
    </Box>
  );
}

export function JurorDistribution({
  hackathonId,
  version,
}: {
  hackathonId: string;
  /** Changes whenever the scores behind the board change (the live board's updatedAt). */
  version?: string;
}) {
  const { t, i18n } = useTranslation();
  const { data, loading, error, refetch } = useQuery(JurorScoreDistributionDocument, {
    variables: { hackathonId },
  });
  useEffect(() => {
    if (version) void refetch();
  }, [version, refetch]);
  const jurors = data?.jurorScoreDistribution ?? [];
  const reference = overallMean(jurors);
  const format = new Intl.NumberFormat(i18n.resolvedLanguage ?? i18n.language, {
    maximumFractionDigits: 1,
  });
  const n = (value: number | null | undefined) => (value == null ? '—' : format.format(value));

  return (
    <Stack gap="md" component="section" aria-labelledby="juror-distribution-title">
      <Title order={3} size="h4" id="juror-distribution-title">
        {t('leaderboard.jurors.title')}
      </Title>
      <Text size="sm">{t('leaderboard.jurors.hint')}</Text>
      <QueryState loading={loading && !data} error={error} onRetry={() => void refetch()} />
      {data && jurors.length === 0 && <Text>{t('leaderboard.jurors.none')}</Text>}
      {jurors.length > 0 && (
        <>
          <Stack gap="xs" component="figure" m={0} aria-labelledby="juror-distribution-caption">
            <Text size="sm" id="juror-distribution-caption" component="figcaption">
              {reference == null
                ? t('leaderboard.jurors.legend')
                : t('leaderboard.jurors.legendWithMean', { mean: n(reference) })}
            </Text>
            {jurors.map((juror) => (
              <Stack key={juror.juror.id} gap={0}>
                <Text size="sm" fw={700}>
                  {juror.juror.displayName}
                </Text>
                <BoxPlot
                  juror={juror}
                  reference={reference}
                  label={
                    juror.count === 0
                      ? t('leaderboard.jurors.noScore', { name: juror.juror.displayName })
                      : t('leaderboard.jurors.summary', {
                          name: juror.juror.displayName,
                          count: juror.count,
                          median: n(juror.median),
                          min: n(juror.min),
                          max: n(juror.max),
                        })
                  }
                />
              </Stack>
            ))}
            <Axis />
          </Stack>
          <Table.ScrollContainer minWidth={640}>
            <Table striped withTableBorder>
              <Table.Caption>{t('leaderboard.jurors.tableCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('leaderboard.jurors.juror')}</Table.Th>
                  <Table.Th scope="col">{t('leaderboard.jurors.count')}</Table.Th>
                  <Table.Th scope="col">{t('leaderboard.jurors.pending')}</Table.Th>
                  <Table.Th scope="col">{t('leaderboard.jurors.min')}</Table.Th>
                  <Table.Th scope="col">{t('leaderboard.jurors.q1')}</Table.Th>
                  <Table.Th scope="col">{t('leaderboard.jurors.median')}</Table.Th>
                  <Table.Th scope="col">{t('leaderboard.jurors.q3')}</Table.Th>
                  <Table.Th scope="col">{t('leaderboard.jurors.max')}</Table.Th>
                  <Table.Th scope="col">{t('leaderboard.jurors.mean')}</Table.Th>
                  <Table.Th scope="col">{t('leaderboard.jurors.stddev')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {jurors.map((j) => (
                  <Table.Tr key={j.juror.id}>
                    <Table.Th scope="row">{j.juror.displayName}</Table.Th>
                    <Table.Td>{j.count}</Table.Td>
                    <Table.Td>{j.pending}</Table.Td>
                    <Table.Td>{n(j.min)}</Table.Td>
                    <Table.Td>{n(j.q1)}</Table.Td>
                    <Table.Td>{n(j.median)}</Table.Td>
                    <Table.Td>{n(j.q3)}</Table.Td>
                    <Table.Td>{n(j.max)}</Table.Td>
                    <Table.Td>{n(j.mean)}</Table.Td>
                    <Table.Td>{n(j.stddev)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
