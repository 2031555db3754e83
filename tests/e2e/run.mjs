#!/usr/bin/env node
// Browser end-to-end run: the built API (serving the built web client) on a fresh PostgreSQL database,
// driven through Debian's Chromium with playwright-core. Plays as much of one hackathon as the API
// serves today (steps whose operations the schema lacks are reported as skipped, not failed), runs
// axe-core on every page, saves each role's main page under tests/e2e/screenshots/.
// Usage (after `npm run build`): node tests/e2e/run.mjs [--json=test-results/e2e.json] [--headed]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
/* global window, document -- page.evaluate callbacks run in the browser */
import pg from 'pg';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const shots = join(root, 'tests/e2e/screenshots');
const axePath = join(root, 'node_modules/axe-core/axe.min.js');
const apiMain = join(root, 'dist/apps/api/apps/api/src/main.js');
const jsonArg = process.argv.find((arg) => arg.startsWith('--json='));
const jsonFile = jsonArg ? resolve(root, jsonArg.slice('--json='.length)) : null;
const baseDatabaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const dbName = `ensemble_e2e_${process.pid}`;
const DEMO_PASSWORD = 'Ensemble-Demo-2026';
const STEP_TIMEOUT = 15_000;

const results = { passed: 0, failed: 0 };
const skipped = [];
let api = null;
let apiLog = '';
let browser = null;
let dbCreated = false;

function writeResults() {
  if (!jsonFile) return;
  mkdirSync(dirname(jsonFile), { recursive: true });
  writeFileSync(jsonFile, JSON.stringify(results));
}

/** One counted check: a step of the journey or an assertion; a failed step leaves a screenshot. */
async function check(name, fn, page) {
  const started = Date.now();
  try {
    await fn();
    results.passed++;
    console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
    return true;
  } catch (error) {
    results.failed++;
    if (page) {
      const file = join(root, 'test-results/e2e-failures', `${results.failed}.png`);
      mkdirSync(dirname(file), { recursive: true });
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      console.log(`      (screenshot: ${file})`);
    }
    console.log(
      `  ✗ ${name}\n      ${String(error?.message ?? error)
        .split('\n')
        .slice(0, 6)
        .join('\n      ')}`,
    );
    return false;
  }
}

function skip(name, missing) {
  skipped.push(name);
  console.log(`  - ${name} (skipped: the API has no ${missing.join(', ')} yet)`);
}

function databaseUrl(name) {
  const url = new URL(baseDatabaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(sql) {
  const client = new pg.Client({ connectionString: baseDatabaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForReady(base, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (api?.exitCode !== null)
      throw new Error(`the API exited (${api?.exitCode})\n${apiLog.slice(-2000)}`);
    try {
      const res = await fetch(`${base}/health/ready`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the API was not ready after ${timeoutMs} ms\n${apiLog.slice(-2000)}`);
}

/** Names of the queries and mutations the running API serves, to know which steps it supports. */
async function operations(base) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: '{ __schema { queryType { fields { name } } mutationType { fields { name } } } }',
    }),
  });
  const body = await res.json();
  const schema = body.data?.__schema;
  if (!schema)
    return new Set(['me', 'login', 'register', 'schools', 'pendingPupils', 'validatePupil']);
  return new Set(
    [...schema.queryType.fields, ...(schema.mutationType?.fields ?? [])].map((f) => f.name),
  );
}

async function cleanup() {
  if (browser) await browser.close().catch(() => undefined);
  if (api && api.exitCode === null) {
    api.kill('SIGTERM');
    await new Promise((resolve) => {
      const timer = setTimeout(() => {
        api.kill('SIGKILL');
        resolve();
      }, 10_000);
      api.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  if (dbCreated) {
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch((e) =>
      console.error(`could not drop ${dbName}: ${e.message}`),
    );
  }
}

// ---------------------------------------------------------------------------------------------------
// Page helpers

/** axe-core on the page as it is: zero serious or critical violations. */
async function axe(page, label) {
  await check(`axe: ${label} has no serious or critical violation`, async () => {
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      });
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${v.impact} ${v.id}: ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(' | ')}`,
        );
    });
    if (violations.length) throw new Error(violations.join('\n'));
  });
}

async function screenshot(page, name) {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

async function heading(page, name) {
  await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: STEP_TIMEOUT });
}

/** Signs in through the login page; lands on "Mon espace". A reload signs back in from the refresh cookie. */
async function signIn(page, base, login, password = DEMO_PASSWORD) {
  await page.goto(`${base}/connexion`);
  await page.getByLabel('Adresse e-mail ou identifiant').fill(login);
  await page.getByLabel('Mot de passe', { exact: false }).first().fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await heading(page, 'Mon espace');
}

/**
 * Client-side navigation through the header's "Mon espace" link (keeps the in-memory session). From
 * "Mon espace" itself, goes through the home page first so the page mounts again and refetches.
 */
async function goToSpace(page) {
  if (new URL(page.url()).pathname === '/espace') {
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Accueil' })
      .click();
    await heading(page, 'Ensemble');
  }
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Mon espace' })
    .click();
  await heading(page, 'Mon espace');
}

async function noHorizontalScroll(page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  if (overflow > 1) throw new Error(`the page is ${overflow}px wider than the 360px screen`);
}

// ---------------------------------------------------------------------------------------------------
// The journey

async function journey(base, ops) {
  const has = (...names) => names.every((n) => ops.has(n));
  const missing = (...names) => names.filter((n) => !ops.has(n));
  const newPage = async (viewport = { width: 1280, height: 900 }) => {
    // bypassCSP only lets the test inject axe-core; the app itself runs under the API's CSP.
    const context = await browser.newContext({
      viewport,
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      bypassCSP: true,
    });
    context.setDefaultTimeout(STEP_TIMEOUT);
    return context.newPage();
  };
  const state = {};

  console.log('\nVisitor');
  const visitor = await newPage();
  await check('visitor: home page shows the 3018 help line and the site title', async () => {
    await visitor.goto(base);
    await heading(visitor, 'Ensemble');
    await visitor.getByRole('complementary', { name: 'Besoin d’aide' }).waitFor();
  });
  if (has('hackathons')) {
    await check('visitor: home page lists the demo hackathon', () =>
      visitor.getByRole('heading', { name: 'Ensemble contre le harcèlement 2027' }).waitFor(),
    );
  } else skip('visitor: hackathon list', missing('hackathons'));
  await axe(visitor, 'home (visitor)');
  await screenshot(visitor, 'public-home');
  if (has('hackathon')) {
    await check('visitor: hackathon page shows tracks, criteria and weights', async () => {
      await visitor
        .getByRole('link', { name: /Tout savoir sur/ })
        .first()
        .click();
      await heading(visitor, 'Ensemble contre le harcèlement 2027');
      await visitor.getByRole('heading', { name: 'Critères d’évaluation' }).waitFor();
      await visitor.getByText('Impact').first().waitFor();
    });
    await axe(visitor, 'hackathon page (visitor)');
    await screenshot(visitor, 'public-hackathon');
  } else skip('visitor: hackathon page', missing('hackathon'));
  await check('visitor: personal data page explains what is collected', async () => {
    await visitor.getByRole('link', { name: 'Données personnelles' }).click();
    await heading(visitor, 'Tes données personnelles');
  });
  await axe(visitor, 'personal data page');

  console.log('\nA new pupil signs up (phone, 360 px)');
  const newPupil = await newPage({ width: 360, height: 780 });
  const stamp = Date.now().toString(36);
  state.newPupilEmail = `ines.${stamp}@eleve.example`;
  await check('new pupil: sign-up form with the school picker', async () => {
    await newPupil.goto(`${base}/inscription`);
    await heading(newPupil, 'Créer un compte');
    await noHorizontalScroll(newPupil);
  });
  await axe(newPupil, 'sign-up page');
  await check('new pupil: signs up and sees "waiting for your teacher"', async () => {
    await newPupil.getByLabel('Prénom').fill('Inès');
    await newPupil.getByRole('textbox', { name: 'Nom', exact: true }).fill('Martin');
    await newPupil.getByLabel('Année de naissance').fill(String(new Date().getFullYear() - 13));
    await newPupil.getByPlaceholder(/^Ex. Longchamp/).fill('Longchamp');
    await newPupil.getByRole('option', { name: /Collège Longchamp/ }).click();
    await newPupil.getByLabel('Adresse e-mail').fill(state.newPupilEmail);
    await newPupil
      .getByLabel('Mot de passe', { exact: false })
      .first()
      .fill('Une-phrase-de-passe-2026');
    await newPupil.getByRole('button', { name: 'Créer mon compte' }).click();
    await heading(newPupil, 'Mon espace');
    await newPupil.getByText('En attente de validation par ton enseignant·e').waitFor();
    await noHorizontalScroll(newPupil);
  });
  await axe(newPupil, 'pupil space (pending)');
  await screenshot(newPupil, 'pupil-pending');

  console.log('\nTeacher');
  const teacher = await newPage();
  await check('teacher: signs in and sees the new pupil waiting', async () => {
    await signIn(teacher, base, 'enseignant@demo.ensemble.fr');
    await teacher.getByRole('listitem', { name: 'Inès Martin' }).waitFor();
  });
  await screenshot(teacher, 'teacher-home');
  await check(
    'teacher: validates the new pupil with the parental-consent tick (under 15)',
    async () => {
      const row = teacher.getByRole('listitem', { name: 'Inès Martin' });
      await row.waitFor();
      await row.getByRole('button', { name: 'Valider Inès Martin' }).click();
      await row.getByText('Pour un·e élève de moins de 15 ans, coche l’accord parental.').waitFor();
      await row.getByLabel('Un parent a donné son accord').check();
      await row.getByRole('button', { name: 'Valider Inès Martin' }).click();
      await row.waitFor({ state: 'detached' });
    },
  );
  await axe(teacher, 'teacher space');
  await check('new pupil: is active after "check again", without signing in again', async () => {
    await newPupil.getByRole('button', { name: 'Vérifier à nouveau' }).click();
    await newPupil
      .getByText('En attente de validation par ton enseignant·e')
      .waitFor({ state: 'detached' });
  });

  console.log('\nPupil');
  const pupil = await newPage();
  await check('pupil: signs in to their space', () =>
    signIn(pupil, base, 'eleve@demo.ensemble.fr'),
  );
  if (has('myTeams')) {
    await check('pupil: sees "my teams"', () =>
      pupil.getByRole('heading', { name: 'Mes équipes' }).waitFor(),
    );
  } else skip('pupil: teams', missing('myTeams'));
  await axe(pupil, 'pupil space');
  await screenshot(pupil, 'pupil-home');
  await check(
    'pupil: a reload keeps them signed in; no token in web storage, refresh cookie out of scripts’ reach',
    async () => {
      await pupil.reload();
      await heading(pupil, 'Mon espace');
      const refresh = (await pupil.context().cookies()).find((c) => c.name === 'ensemble_refresh');
      if (!refresh) throw new Error('no refresh cookie after signing in');
      const flags = `${refresh.httpOnly} ${refresh.secure} ${refresh.sameSite} ${refresh.path}`;
      if (flags !== 'true true Strict /api/auth') throw new Error(`refresh cookie: ${flags}`);
      const page = await pupil.evaluate(() => ({
        cookie: document.cookie,
        storage: [window.localStorage, window.sessionStorage]
          .flatMap((s) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`))
          .join('\n'),
      }));
      if (page.cookie.includes('ensemble_refresh')) throw new Error('document.cookie shows it');
      if (/eyJ|Bearer/.test(page.storage) || page.storage.includes(refresh.value)) {
        throw new Error(`a token sits in web storage: ${page.storage}`);
      }
    },
    pupil,
  );

  console.log('\nOrganizer');
  const organizer = await newPage();
  await check('organizer: signs in to the organizer space', async () => {
    await signIn(organizer, base, 'organisatrice@demo.ensemble.fr');
    await organizer.getByRole('link', { name: 'Créer un hackathon' }).waitFor();
  });
  await axe(organizer, 'organizer space');
  await screenshot(organizer, 'organizer-home');
  if (has('createSchool')) {
    await check('organizer: adds a school', async () => {
      await organizer.getByRole('link', { name: 'Établissements' }).click();
      await heading(organizer, 'Établissements');
      await organizer.getByLabel('UAI', { exact: false }).first().fill('0139999Z');
      await organizer.getByRole('textbox', { name: 'Nom' }).fill('Collège du Test');
      await organizer.getByRole('textbox', { name: 'Ville' }).fill('Marseille');
      await organizer.getByRole('textbox', { name: 'Département' }).fill('13');
      await organizer.getByRole('button', { name: 'Ajouter', exact: true }).click();
      await organizer
        .getByRole('status')
        .filter({ hasText: '« Collège du Test » ajouté.' })
        .waitFor();
    });
    await axe(organizer, 'schools page');
    await goToSpace(organizer);
  } else skip('organizer: schools', missing('createSchool'));

  if (has('createInvitation', 'acceptInvitation')) {
    await check('organizer: invites a juror and gets a copyable code', async () => {
      await organizer.getByRole('link', { name: 'Invitations' }).click();
      await heading(organizer, 'Invitations');
      await organizer.getByLabel('Adresse e-mail').fill(`juror.${stamp}@jury.example`);
      await organizer.getByRole('button', { name: 'Créer l’invitation' }).click();
      await organizer.getByRole('button', { name: 'Copier' }).waitFor();
      state.invitationCode = (
        await organizer.locator('section code').first().textContent()
      )?.trim();
      if (!state.invitationCode) throw new Error('no invitation code on screen');
    });
    await axe(organizer, 'invitations page');
    await goToSpace(organizer);
    const juror = await newPage();
    await check('juror: accepts the invitation and reaches the juror space', async () => {
      await juror.goto(`${base}/invitation`);
      await heading(juror, 'Accepter une invitation');
      await juror.getByLabel('Code d’invitation').fill(state.invitationCode);
      await juror.getByLabel('Prénom').fill('Paul');
      await juror.getByRole('textbox', { name: 'Nom', exact: true }).fill('Jury');
      await juror.getByLabel('Mot de passe', { exact: false }).first().fill('Jury-Ensemble-2026!');
      await juror.getByRole('button', { name: 'Créer mon compte' }).click();
      await heading(juror, 'Mon espace');
    });
    await axe(juror, 'invitation page / juror space');
  } else skip('organizer: invitations', missing('createInvitation', 'acceptInvitation'));

  if (has('pendingTeachers', 'validateTeacher')) {
    const newTeacher = await newPage({ width: 360, height: 780 });
    await check('new teacher: signs up and waits for the organizers', async () => {
      await newTeacher.goto(`${base}/inscription`);
      await heading(newTeacher, 'Créer un compte');
      await newTeacher.locator('label', { hasText: 'Enseignant·e' }).click();
      await newTeacher.getByLabel('Prénom').fill('Nadia');
      await newTeacher.getByRole('textbox', { name: 'Nom', exact: true }).fill('Ferhat');
      await newTeacher.getByPlaceholder(/^Ex. Longchamp/).fill('Longchamp');
      await newTeacher.getByRole('option', { name: /Collège Longchamp/ }).click();
      await newTeacher.getByLabel('Adresse e-mail').fill(`nadia.${stamp}@prof.example`);
      await newTeacher
        .getByLabel('Mot de passe', { exact: false })
        .first()
        .fill('Une-phrase-de-passe-2026');
      await newTeacher.getByRole('button', { name: 'Créer mon compte' }).click();
      await heading(newTeacher, 'Mon espace');
      await newTeacher.getByText('En attente de validation par l’équipe d’organisation').waitFor();
    });
    await check('organizer: validates the pending teacher', async () => {
      await organizer.getByRole('link', { name: 'Enseignant·es à valider' }).click();
      await heading(organizer, 'Enseignant·es à valider');
      const row = organizer.getByRole('listitem', { name: 'Nadia Ferhat' });
      await row.getByText('Collège Longchamp').waitFor();
      await axe(organizer, 'pending teachers page');
      await row.getByRole('button', { name: 'Valider Nadia Ferhat' }).click();
      await row.waitFor({ state: 'detached' });
      await organizer
        .getByRole('status')
        .filter({ hasText: 'Nadia Ferhat est validé·e' })
        .waitFor();
    });
    await check('new teacher: is active after "check again"', async () => {
      await newTeacher.getByRole('button', { name: 'Vérifier à nouveau' }).click();
      await newTeacher
        .getByText('En attente de validation par l’équipe d’organisation')
        .waitFor({ state: 'detached' });
      await noHorizontalScroll(newTeacher);
    });
    await goToSpace(organizer);
  } else skip('organizer: pending teachers', missing('pendingTeachers', 'validateTeacher'));

  const demoJuror = await newPage();
  await check('juror: signs in to the juror space', () =>
    signIn(demoJuror, base, 'jury@demo.ensemble.fr'),
  );
  await axe(demoJuror, 'juror space');
  await screenshot(demoJuror, 'juror-home');

  // The whole hackathon, once the API serves it: teams, projects, jury, publication.
  const full = [
    'hackathon',
    'myTeams',
    'createTeam',
    'joinTeam',
    'teams',
    'mentorTeam',
    'validateTeam',
    'saveSubmission',
    'submitSubmission',
    'setPhase',
    'assignJurors',
    'myAssignments',
    'scoreSubmission',
    'publishResults',
    'leaderboard',
  ];
  if (!has(...full)) {
    skip('the whole hackathon (teams → projects → jury → publication)', missing(...full));
    return;
  }

  console.log('\nThe whole hackathon');
  await check('pupil: creates a team and sees its invite code', async () => {
    await pupil.getByRole('combobox', { name: 'Thème' }).click();
    await pupil.getByRole('option', { name: 'Prévenir' }).click();
    await pupil.getByLabel('Nom de l’équipe').fill(`Les Vigies ${stamp}`);
    await pupil.getByRole('button', { name: 'Créer l’équipe' }).click();
    await pupil.getByRole('heading', { level: 1, name: `Les Vigies ${stamp}` }).waitFor();
    state.teamUrl = pupil.url();
    state.inviteCode = (await pupil.locator('code').first().textContent())?.trim();
    if (!state.inviteCode) throw new Error('no invite code');
  });
  await axe(pupil, 'team page');
  await screenshot(pupil, 'pupil-team');
  await check('second pupil: joins with the invite code', async () => {
    await goToSpace(newPupil);
    await newPupil.getByLabel('Code d’invitation').fill(state.inviteCode);
    await newPupil.getByRole('button', { name: 'Rejoindre' }).click();
    await newPupil.getByRole('heading', { level: 1, name: `Les Vigies ${stamp}` }).waitFor();
  });
  await check('teacher: mentors and validates the team', async () => {
    await goToSpace(teacher);
    const row = teacher.getByRole('row', { name: new RegExp(`Les Vigies ${stamp}`) });
    await row.getByRole('button', { name: /Devenir référent/ }).click();
    await row.getByText('Karim H.').waitFor();
    await row.getByRole('button', { name: /Valider l’équipe/ }).click();
    await row.getByText('Validée').waitFor();
  });
  if (has('requestHelp', 'teamHelpRequests', 'claimHelpRequest')) {
    await check('pupil: asks for help and sees the request waiting', async () => {
      await pupil.getByLabel(/De quoi avez-vous besoin/).fill('Notre formulaire ne s’envoie pas');
      await pupil.getByRole('button', { name: 'Envoyer la demande' }).click();
      await pupil
        .getByRole('listitem')
        .filter({ hasText: 'Notre formulaire ne s’envoie pas' })
        .getByText('En attente')
        .waitFor();
    });
    await check(
      'teacher: the request appears live in the help queue; the teacher takes it',
      async () => {
        const request = teacher.getByRole('listitem', { name: `Les Vigies ${stamp}` });
        await request.getByText('Notre formulaire ne s’envoie pas').waitFor();
        await request
          .getByRole('button', { name: `Je m’en occupe : demande de l’équipe Les Vigies ${stamp}` })
          .click();
        await request.getByText('prise en charge par Karim H.').waitFor();
      },
    );
    await check('pupil: sees live, without reloading, who took the request', async () => {
      const request = pupil
        .getByRole('listitem')
        .filter({ hasText: 'Notre formulaire ne s’envoie pas' });
      await request.getByText('Prise en charge par Karim H.').waitFor();
      await pupil
        .getByRole('status')
        .filter({ hasText: 'Karim H. s’occupe de votre demande' })
        .waitFor();
    });
    await axe(pupil, 'team page with the help request status');
    await axe(teacher, 'teacher help queue');
  } else
    skip('help request status', missing('requestHelp', 'teamHelpRequests', 'claimHelpRequest'));
  await check('pupil: writes the project (autosave) and sends it to the jury', async () => {
    await pupil.getByRole('link', { name: 'Ouvrir le projet' }).click();
    await heading(pupil, 'Projet de l’équipe');
    await pupil.getByLabel('Titre').fill('Vigie : signaler sans peur');
    await pupil.getByLabel('Résumé').fill('Une appli pour que les témoins signalent en sécurité.');
    await pupil
      .getByLabel('Description')
      .fill('# Le problème\n\nLes témoins se taisent.\n\n- écouter\n- agir');
    await pupil.getByText(/Enregistré à/).waitFor();
    await pupil.getByRole('button', { name: 'Envoyer au jury' }).click();
    await pupil.getByText('Envoyé au jury').waitFor();
  });
  await axe(pupil, 'project editor');
  await screenshot(pupil, 'pupil-project');
  await check(
    'organizer: moves to building, then judging (with confirmation) and assigns the jury',
    async () => {
      await organizer
        .getByRole('link', { name: /Gérer « Ensemble contre le harcèlement 2027 »/ })
        .click();
      await organizer.getByRole('tab', { name: 'Étape' }).click();
      for (const phase of ['Réalisation des projets', 'Délibération du jury']) {
        await organizer.getByRole('button', { name: `Passer à « ${phase} »` }).click();
        await organizer
          .getByRole('dialog')
          .getByText(/Cela ferme/)
          .waitFor();
        await organizer.getByRole('button', { name: 'Confirmer' }).click();
        await organizer.getByRole('dialog').waitFor({ state: 'detached' });
      }
      await organizer.getByRole('tab', { name: 'Jury' }).click();
      // Both jurors (the demo one and the one invited above) get the project.
      await organizer.getByLabel('Jurés par projet').fill('2');
      await organizer.getByRole('button', { name: 'Attribuer les projets' }).click();
      await organizer.getByText('Résumé de l’attribution').waitFor();
    },
  );
  await axe(organizer, 'organizer hackathon page');
  await check('organizer: opens the live board before the jury scores', async () => {
    await organizer.getByRole('tab', { name: 'Classement' }).click();
    await organizer.getByText('0 évaluation').first().waitFor();
  });
  await check(
    'juror: scores the project on every criterion',
    async () => {
      await goToSpace(demoJuror);
      await demoJuror.getByText(/0 sur 1 noté/).waitFor();
      await demoJuror.getByRole('link', { name: /Noter « Vigie/ }).click();
      await demoJuror
        .getByLabel(/^Note pour/)
        .first()
        .waitFor();
      await axe(demoJuror, 'scoring page');
      for (const input of await demoJuror.getByLabel(/^Note pour/).all()) await input.fill('4');
      await demoJuror.getByRole('button', { name: 'Enregistrer ma note' }).click();
      await demoJuror.getByText(/1 sur 1 noté/).waitFor();
    },
    demoJuror,
  );
  await axe(demoJuror, 'juror assignments (scored)');
  await check('organizer: the board shows the new score live, without reloading', async () => {
    await organizer.getByText('1 évaluation').first().waitFor();
  });
  await check('organizer: reads the live board in both methods and publishes', async () => {
    await organizer.getByRole('tab', { name: 'Classement' }).click();
    await organizer
      .getByRole('cell', { name: /Vigies/ })
      .or(organizer.getByRole('rowheader', { name: /Vigies/ }))
      .first()
      .waitFor();
    await organizer.getByText('Score centré réduit').click();
    await organizer.getByRole('button', { name: 'Publier les résultats' }).click();
    await organizer
      .getByRole('dialog')
      .getByRole('button', { name: 'Publier les résultats' })
      .click();
    await organizer.getByRole('dialog').waitFor({ state: 'detached' });
    await organizer.getByRole('button', { name: 'Résultats publiés' }).waitFor();
  });
  await screenshot(organizer, 'organizer-leaderboard');
  if (has('jurorScoreDistribution')) {
    await check('organizer: sees how each juror scores (chart and table)', async () => {
      await organizer.getByRole('heading', { name: 'Comment chaque juré note' }).waitFor();
      await organizer.getByRole('img', { name: /^Sophie L\. : 1 note, / }).waitFor();
      await organizer.getByRole('img', { name: 'Paul J. : pas encore de note.' }).waitFor();
      await organizer
        .getByRole('table', { name: 'Notes pondérées données par chaque juré (sur 100)' })
        .getByRole('rowheader', { name: 'Sophie L.' })
        .waitFor();
    });
    await axe(organizer, 'organizer board with the juror distribution');
    await screenshot(organizer, 'organizer-juror-distribution');
  } else skip('organizer: juror score distribution', missing('jurorScoreDistribution'));
  await check('visitor: reads the published board', async () => {
    await visitor.goto(base);
    await visitor
      .getByRole('link', { name: /Tout savoir sur/ })
      .first()
      .click();
    await visitor.getByRole('heading', { name: 'Résultats' }).waitFor();
    await visitor.getByText(`Les Vigies ${stamp}`).first().waitFor();
    await visitor.getByRole('tab', { name: 'Collège' }).click();
  });
  await axe(visitor, 'published results');
  await screenshot(visitor, 'public-results');
  if (has('projectGallery')) {
    await check('visitor: browses the projects gallery (pupils as “Lina B.”)', async () => {
      await visitor
        .getByRole('link', {
          name: 'Voir tous les projets de « Ensemble contre le harcèlement 2027 »',
        })
        .click();
      await heading(visitor, 'Les projets de « Ensemble contre le harcèlement 2027 »');
      const project = visitor.getByRole('article', { name: 'Vigie : signaler sans peur' });
      await project.getByText(`Équipe Les Vigies ${stamp}`, { exact: false }).waitFor();
      await project.getByText('Lina B.', { exact: false }).waitFor();
      if ((await project.textContent())?.includes('Benali'))
        throw new Error('a full name is public');
    });
    await axe(visitor, 'projects gallery');
    await screenshot(visitor, 'public-gallery');
    const phone = await newPage({ width: 360, height: 780 });
    await check('visitor: the gallery fits a 360 px phone', async () => {
      await phone.goto(visitor.url());
      await phone.getByRole('article', { name: 'Vigie : signaler sans peur' }).waitFor();
      await noHorizontalScroll(phone);
    });
  } else skip('visitor: projects gallery', missing('projectGallery'));
  if (has('submissionHistory')) {
    await check('organizer: reads the project’s version history and opens a version', async () => {
      await organizer.goto(`${state.teamUrl}/historique`);
      await organizer.getByRole('heading', { name: /versions? enregistrées?/ }).waitFor();
      await organizer.getByRole('button', { name: 'Voir la version 1' }).click();
      await organizer.getByRole('heading', { name: /^Version 1 : / }).waitFor();
    });
    await axe(organizer, 'project history');
  } else skip('organizer: project history', missing('submissionHistory'));
  if (has('users', 'suspendUser')) {
    await check(
      'organizer: finds the invited juror and suspends them after confirming',
      async () => {
        await goToSpace(organizer);
        await organizer.getByRole('link', { name: 'Comptes' }).click();
        await heading(organizer, 'Comptes');
        await organizer.getByLabel('Nom, e-mail ou identifiant').fill(`juror.${stamp}`);
        await organizer.getByRole('button', { name: 'Rechercher' }).click();
        const row = organizer.getByRole('listitem', { name: 'Paul Jury' });
        await row.getByRole('button', { name: 'Suspendre Paul Jury' }).click();
        const dialog = organizer.getByRole('dialog', {
          name: 'Suspendre le compte de Paul Jury ?',
        });
        await dialog.getByRole('button', { name: 'Suspendre Paul Jury' }).click();
        await dialog.waitFor({ state: 'detached' });
        await row.getByText('Suspendu').waitFor();
        await organizer
          .getByRole('status')
          .filter({ hasText: 'Le compte de Paul Jury est suspendu.' })
          .waitFor();
        // The modal fades out: let all of it go before axe measures contrasts.
        await organizer
          .getByText('Suspendre le compte de Paul Jury ?')
          .waitFor({ state: 'detached' });
        await organizer.getByRole('button', { name: 'Annuler' }).waitFor({ state: 'detached' });
      },
    );
    await axe(organizer, 'accounts page');
  } else skip('organizer: suspend an account', missing('users', 'suspendUser'));
}

// ---------------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  for (const [what, path] of [
    ['the built API (npm run build)', apiMain],
    ['the built web client (npm run web:build)', join(root, 'apps/web/dist/index.html')],
    ['Chromium', '/usr/bin/chromium'],
  ]) {
    if (!existsSync(path)) throw new Error(`${what} is missing: ${path}`);
  }
  await admin(`CREATE DATABASE ${dbName}`);
  dbCreated = true;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  api = spawn(process.execPath, [apiMain], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl(dbName),
      PORT: String(port),
      SEED_DEMO: 'true',
      NODE_ENV: 'development',
      JWT_SECRET: 'e2e-secret-for-tests-only-0123456789abcdef',
      REDIS_URL: '',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk) => {
    apiLog = (apiLog + chunk.toString()).slice(-20_000);
  };
  api.stdout.on('data', keep);
  api.stderr.on('data', keep);
  await waitForReady(base);
  const ops = await operations(base);
  console.log(`API ready on ${base} (${ops.size} operations)`);

  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: !process.argv.includes('--headed'),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  await journey(base, ops);
  console.log(
    `\ne2e: ${results.passed} passed, ${results.failed} failed, ${skipped.length} skipped in ${Math.round((Date.now() - started) / 1000)} s`,
  );
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  results.failed++;
  console.error(`e2e aborted: ${error?.stack ?? error}`);
}
await cleanup();
if (results.failed > 0) {
  exitCode = 1;
  if (apiLog) console.error(`\n--- last API output ---\n${apiLog.slice(-3000)}`);
}
writeResults();
process.exit(exitCode);
