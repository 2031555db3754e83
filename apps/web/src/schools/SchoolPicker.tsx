// Searchable school field: the API searches by name, city or UAI; the list only shows its answers.
import { useQuery } from '@apollo/client/react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { SchoolsDocument, type SchoolsQuery } from '../gql/graphql';

export type SchoolOption = SchoolsQuery['schools'][number];

const schoolLabel = (school: SchoolOption) => `${school.name} — ${school.city} (${school.uai})`;

interface SchoolPickerProps {
  value: SchoolOption | null;
  onChange: (school: SchoolOption | null) => void;
  error?: string;
  required?: boolean;
  label?: string;
  ref?: Ref<HTMLInputElement>;
}

export function SchoolPicker({ value, onChange, error, required, label, ref }: SchoolPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const typing = value === null || search !== schoolLabel(value);
  const { data, loading } = useQuery(SchoolsDocument, {
    variables: { search: debounced },
    skip: debounced.length < 2 || !typing,
    context: { anonymous: true },
  });
  const found = data?.schools ?? [];
  // The chosen school stays in the options, whatever the last search returned.
  const options = value && !found.some((s) => s.id === value.id) ? [value, ...found] : found;

  return (
    <Select
      ref={ref}
      label={label ?? t('schools.picker.label')}
      description={t('schools.picker.description')}
      placeholder={t('schools.picker.placeholder')}
      required={required}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      data={options.map((school) => ({ value: school.id, label: schoolLabel(school) }))}
      filter={({ options: all }) => all}
      value={value?.id ?? null}
      onChange={(id) => onChange(options.find((s) => s.id === id) ?? null)}
      nothingFoundMessage={
        debounced.length < 2
          ? t('schools.picker.typeMore')
          : loading
            ? t('common.loading')
            : t('schools.picker.none')
      }
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
