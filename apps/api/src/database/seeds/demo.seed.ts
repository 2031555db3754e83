// A small Région Sud event for `npm start`: schools, one hackathon in REGISTRATION, one account per role.
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { foldText } from '@ensemble/domain';
import { PasswordService } from '../../auth/password.service';

export const DEMO_PASSWORD = 'Ensemble-Demo-2026';

export const DEMO_ACCOUNTS = [
  { role: 'ORGANIZER', email: 'organisatrice@demo.ensemble.fr', firstName: 'Claire', lastName: 'Martin', school: null },
  { role: 'TEACHER', email: 'enseignant@demo.ensemble.fr', firstName: 'Karim', lastName: 'Haddad', school: '0130040Y' },
  { role: 'PUPIL', email: 'eleve@demo.ensemble.fr', firstName: 'Lina', lastName: 'Benali', school: '0130040Y', birthYear: 2011 },
  { role: 'PUPIL', email: 'eleve2@demo.ensemble.fr', firstName: 'Hugo', lastName: 'Rossi', school: '0130040Y', birthYear: 2013 },
  { role: 'JUROR', email: 'jury@demo.ensemble.fr', firstName: 'Sophie', lastName: 'Laurent', school: null },
] as const;

const SCHOOLS: [uai: string, name: string, city: string, dep: string, level: 'COLLEGE' | 'LYCEE'][] = [
  ['0040010P', 'Collège Maria Borrély', 'Digne-les-Bains', '04', 'COLLEGE'],
  ['0040490L', 'Lycée Félix Esclangon', 'Manosque', '04', 'LYCEE'],
  ['0050007F', 'Lycée Dominique Villars', 'Gap', '05', 'LYCEE'],
  ['0050018T', 'Collège Les Garcins', 'Briançon', '05', 'COLLEGE'],
  ['0060009J', 'Lycée Masséna', 'Nice', '06', 'LYCEE'],
  ['0061478B', 'Collège Canteloube', 'Grasse', '06', 'COLLEGE'],
  ['0130040Y', 'Collège Longchamp', 'Marseille', '13', 'COLLEGE'],
  ['0130042A', 'Lycée Thiers', 'Marseille', '13', 'LYCEE'],
  ['0130003C', 'Lycée Vauvenargues', 'Aix-en-Provence', '13', 'LYCEE'],
  ['0131549S', 'Collège Frédéric Mistral', 'Arles', '13', 'COLLEGE'],
  ['0830042T', 'Lycée Dumont d’Urville', 'Toulon', '83', 'LYCEE'],
  ['0830660V', 'Collège Léo Lagrange', 'Fréjus', '83', 'COLLEGE'],
  ['0840001H', 'Lycée Frédéric Mistral', 'Avignon', '84', 'LYCEE'],
  ['0840927S', 'Collège Voltaire', 'Sorgues', '84', 'COLLEGE'],
];

const TRACKS = [
  ['Prévenir', 'Des outils pour repérer et prévenir le harcèlement à l’école.'],
  ['Agir en ligne', 'Lutter contre le cyberharcèlement sur les réseaux et les messageries.'],
  ['Soutenir', 'Aider les victimes et les témoins à parler et à être écoutés.'],
];

const CRITERIA: [name: string, description: string, weight: number, max: number][] = [
  ['Impact', 'Le projet peut-il vraiment changer les choses dans un établissement ?', 3, 10],
  ['Créativité', 'Originalité de l’idée et de sa mise en forme.', 2, 10],
  ['Réalisation', 'Qualité et avancement de ce qui a été construit.', 2, 10],
  ['Présentation', 'Clarté de la présentation et de la vidéo.', 1, 5],
];

/** Seeds only an empty database (no school yet); returns whether it did. */
export async function seedDemo(dataSource: DataSource, passwords: PasswordService, now = new Date()): Promise<boolean> {
  const logger = new Logger('DemoSeed');
  return dataSource.transaction(async (m) => {
    await m.query('SELECT pg_advisory_xact_lock(7242)');
    const [{ n }] = await m.query('SELECT count(*)::int AS n FROM schools');
    if (n > 0) return false;
    const schoolIds = new Map<string, string>();
    for (const [uai, name, city, dep, level] of SCHOOLS) {
      const [row] = await m.query(
        `INSERT INTO schools (uai, name, city, department, level, search_key) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [uai, name, city, dep, level, foldText(`${name} ${city} ${uai}`)],
      );
      schoolIds.set(uai, row.id);
    }
    const hash = await passwords.hash(DEMO_PASSWORD);
    let organizerId: string | null = null;
    for (const a of DEMO_ACCOUNTS) {
      const [row] = await m.query(
        `INSERT INTO users (role, status, email, password_hash, first_name, last_name, birth_year, parental_consent_confirmed, school_id)
         VALUES ($1, 'ACTIVE', $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [a.role, a.email, hash, a.firstName, a.lastName, 'birthYear' in a ? a.birthYear : null, 'birthYear' in a, a.school ? schoolIds.get(a.school) : null],
      );
      if (a.role === 'ORGANIZER') organizerId = row.id;
    }
    const day = 24 * 3600 * 1000;
    const [hackathon] = await m.query(
      `INSERT INTO hackathons (slug, title, description, phase, registration_closes_at, submission_deadline, min_team_size, max_team_size, created_by)
       VALUES ($1, $2, $3, 'REGISTRATION', $4, $5, 2, 5, $6) RETURNING id`,
      [
        'ensemble-contre-le-harcelement-2027',
        'Ensemble contre le harcèlement 2027',
        'Le hackathon des collèges et lycées de la Région Sud : imaginez et construisez en équipe des solutions contre le harcèlement et le cyberharcèlement.',
        new Date(now.getTime() + 30 * day),
        new Date(now.getTime() + 60 * day),
        organizerId,
      ],
    );
    for (const [i, [name, description]] of TRACKS.entries()) {
      await m.query(`INSERT INTO tracks (hackathon_id, name, description, position) VALUES ($1, $2, $3, $4)`, [hackathon.id, name, description, i]);
    }
    for (const [i, [name, description, weight, max]] of CRITERIA.entries()) {
      await m.query(
        `INSERT INTO criteria (hackathon_id, name, description, weight, max_score, position) VALUES ($1, $2, $3, $4, $5, $6)`,
        [hackathon.id, name, description, weight, max, i],
      );
    }
    logger.log(`Seeded the demo hackathon with ${SCHOOLS.length} schools`);
    return true;
  });
}
