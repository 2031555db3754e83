// The teacher's page: pupils to validate, bulk accounts, the school's teams and the help queue.
import { Anchor, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../accounts/use-me';
import { paths } from '../app/paths';
import { HackathonSelect } from '../hackathons/HackathonSelect';
import { HelpQueue } from './HelpQueue';
import { PendingPupils } from './PendingPupils';
import { SchoolTeams } from './SchoolTeams';

export function TeacherHome() {
  const { t } = useTranslation();
  const { me } = useMe();
  const [hackathonId, setHackathonId] = useState<string | null>(null);
  return (
    <Stack gap="xl">
      <PendingPupils />
      <Anchor component={Link} to={paths.teacherAccounts}>
        {t('mentoring.bulk.link')}
      </Anchor>
      <HackathonSelect
        value={hackathonId}
        onChange={setHackathonId}
        preferred={['REGISTRATION', 'BUILDING']}
      />
      {hackathonId && me && (
        <>
          <SchoolTeams hackathonId={hackathonId} meId={me.id} />
          <HelpQueue hackathonId={hackathonId} />
        </>
      )}
    </Stack>
  );
}
