// Chooses the hackathon a staff page works on; defaults to the first one in a preferred phase.
import { useQuery } from '@apollo/client/react';
import { Select } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { HackathonsDocument, type HackathonPhase, type HackathonsQuery } from '../gql/graphql';

export type HackathonSummary = HackathonsQuery['hackathons'][number];

export function useHackathons() {
  return useQuery(HackathonsDocument, { fetchPolicy: 'cache-and-network' });
}

interface HackathonSelectProps {
  value: string | null;
  onChange: (id: string | null) => void;
  /** Phases to choose from (all when omitted); the first hackathon in `preferred` is the default. */
  phases?: readonly HackathonPhase[];
  preferred?: readonly HackathonPhase[];
  label?: string;
  error?: string;
}

export function HackathonSelect({
  value,
  onChange,
  phases,
  preferred,
  label,
  error,
}: HackathonSelectProps) {
  const { t } = useTranslation();
  const { data } = useHackathons();
  const hackathons = (data?.hackathons ?? []).filter((h) => !phases || phases.includes(h.phase));
  const fallback =
    hackathons.find((h) => preferred?.includes(h.phase))?.id ?? hackathons[0]?.id ?? null;

  useEffect(() => {
    if (value === null && fallback !== null) onChange(fallback);
  }, [value, fallback, onChange]);

  return (
    <Select
      label={label ?? t('hackathons.select')}
      data={hackathons.map((h) => ({
        value: h.id,
        label: `${h.title} · ${t(`hackathons.phase.${h.phase}`)}`,
      }))}
      value={value}
      onChange={onChange}
      allowDeselect={false}
      nothingFoundMessage={t('hackathons.empty')}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
