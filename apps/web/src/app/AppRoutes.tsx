// The route table. Pages are loaded on demand so the first visit downloads only the shell.
import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './Layout';
import { paths } from './paths';

const HomePage = lazy(() => import('../home/HomePage').then((m) => ({ default: m.HomePage })));
const LoginPage = lazy(() => import('../auth/LoginPage').then((m) => ({ default: m.LoginPage })));
const NotFoundPage = lazy(() =>
  import('./NotFoundPage').then((m) => ({ default: m.NotFoundPage })),
);

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path={paths.login} element={<LoginPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
