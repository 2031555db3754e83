// The route table. Pages are loaded on demand so the first visit downloads only the shell.
import { lazy, type ComponentType } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './Layout';
import { RequireRole } from './RequireRole';

/** A lazily loaded named export: each page is its own chunk. */
function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M) {
  return lazy(() => load().then((m) => ({ default: m[name] as ComponentType })));
}

const HomePage = page(() => import('../home/HomePage'), 'HomePage');
const LoginPage = page(() => import('../auth/LoginPage'), 'LoginPage');
const NotFoundPage = page(() => import('./NotFoundPage'), 'NotFoundPage');
const SignupPage = page(() => import('../accounts/SignupPage'), 'SignupPage');
const AcceptInvitationPage = page(
  () => import('../accounts/AcceptInvitationPage'),
  'AcceptInvitationPage',
);
const PrivacyPage = page(() => import('../privacy/PrivacyPage'), 'PrivacyPage');
const SpacePage = page(() => import('./SpacePage'), 'SpacePage');
const HackathonPage = page(() => import('../hackathons/HackathonPage'), 'HackathonPage');
const ProjectGalleryPage = page(
  () => import('../gallery/ProjectGalleryPage'),
  'ProjectGalleryPage',
);
const TeamPage = page(() => import('../teams/TeamPage'), 'TeamPage');
const ProjectPage = page(() => import('../submissions/ProjectPage'), 'ProjectPage');
const ProjectHistoryPage = page(
  () => import('../submissions/ProjectHistoryPage'),
  'ProjectHistoryPage',
);
const BulkPupilAccounts = page(() => import('../mentoring/BulkPupilAccounts'), 'BulkPupilAccounts');
const ScoringPage = page(() => import('../jury/ScoringPage'), 'ScoringPage');
const OrganizerHackathonPage = page(
  () => import('../organizer/OrganizerHackathonPage'),
  'OrganizerHackathonPage',
);
const NewHackathonPage = page(() => import('../organizer/NewHackathonPage'), 'NewHackathonPage');
const SchoolsPage = page(() => import('../organizer/SchoolsPage'), 'SchoolsPage');
const InvitationsPage = page(() => import('../organizer/InvitationsPage'), 'InvitationsPage');
const PendingTeachersPage = page(
  () => import('../organizer/PendingTeachersPage'),
  'PendingTeachersPage',
);
const AccountsPage = page(() => import('../organizer/AccountsPage'), 'AccountsPage');

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="connexion" element={<LoginPage />} />
        <Route path="inscription" element={<SignupPage />} />
        <Route path="invitation" element={<AcceptInvitationPage />} />
        <Route path="donnees-personnelles" element={<PrivacyPage />} />
        <Route path="hackathons/:slug" element={<HackathonPage />} />
        <Route path="hackathons/:slug/projets" element={<ProjectGalleryPage />} />
        <Route path="espace" element={<SpacePage />} />
        <Route
          path="equipes/:teamId"
          element={
            <RequireRole roles={['PUPIL', 'TEACHER', 'ORGANIZER']}>
              <TeamPage />
            </RequireRole>
          }
        />
        <Route
          path="equipes/:teamId/projet"
          element={
            <RequireRole roles={['PUPIL']}>
              <ProjectPage />
            </RequireRole>
          }
        />
        <Route
          path="equipes/:teamId/historique"
          element={
            <RequireRole roles={['ORGANIZER']}>
              <ProjectHistoryPage />
            </RequireRole>
          }
        />
        <Route
          path="enseignant/comptes"
          element={
            <RequireRole roles={['TEACHER']}>
              <BulkPupilAccounts />
            </RequireRole>
          }
        />
        <Route
          path="jury/:hackathonId/evaluations/:assignmentId"
          element={
            <RequireRole roles={['JUROR']}>
              <ScoringPage />
            </RequireRole>
          }
        />
        <Route
          path="organisation/hackathons/nouveau"
          element={
            <RequireRole roles={['ORGANIZER']}>
              <NewHackathonPage />
            </RequireRole>
          }
        />
        <Route
          path="organisation/hackathons/:hackathonId"
          element={
            <RequireRole roles={['ORGANIZER']}>
              <OrganizerHackathonPage />
            </RequireRole>
          }
        />
        <Route
          path="organisation/ecoles"
          element={
            <RequireRole roles={['ORGANIZER']}>
              <SchoolsPage />
            </RequireRole>
          }
        />
        <Route
          path="organisation/invitations"
          element={
            <RequireRole roles={['ORGANIZER']}>
              <InvitationsPage />
            </RequireRole>
          }
        />
        <Route
          path="organisation/enseignants"
          element={
            <RequireRole roles={['ORGANIZER']}>
              <PendingTeachersPage />
            </RequireRole>
          }
        />
        <Route
          path="organisation/comptes"
          element={
            <RequireRole roles={['ORGANIZER']}>
              <AccountsPage />
            </RequireRole>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
