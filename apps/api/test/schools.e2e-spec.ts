import { createTestApp, TestApp } from '@ensemble/testing';

const CREATE = `mutation($input: SchoolInput!) { createSchool(input: $input) { id uai name city department level } }`;

describe('schools', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.factories.school({ uai: '0130042A', name: 'Lycée Thiers', city: 'Marseille', department: '13', level: 'LYCEE' });
    await t.factories.school({ uai: '0830042T', name: 'Lycée Dumont d’Urville', city: 'Toulon', department: '83', level: 'LYCEE' });
    await t.factories.school({ uai: '0061478B', name: 'Collège Canteloube', city: 'Grasse', department: '06', level: 'COLLEGE' });
  });
  afterAll(() => t.close());

  const names = async (args: string) =>
    (await t.client.ok(`{ schools${args} { name } }`)).schools.map((s: { name: string }) => s.name);

  it('is searchable by anyone by name, city or UAI, ignoring accents and case', async () => {
    expect(await names('(search: "thiers")')).toEqual(['Lycée Thiers']);
    expect(await names('(search: "TOULON")')).toEqual(['Lycée Dumont d’Urville']);
    expect(await names('(search: "0061478b")')).toEqual(['Collège Canteloube']);
    expect(await names('(search: "college canteloube")')).toEqual(['Collège Canteloube']);
    expect(await names('(search: "lycee")')).toEqual(['Lycée Dumont d’Urville', 'Lycée Thiers']);
  });

  it('filters by department', async () => {
    expect(await names('(department: "83")')).toEqual(['Lycée Dumont d’Urville']);
  });

  it('treats LIKE wildcards in the search as plain text', async () => {
    expect(await names('(search: "%")')).toEqual([]);
  });

  it('lets organizers add a school', async () => {
    const organizer = await t.factories.organizer();
    const { createSchool } = await organizer.client.ok(CREATE, {
      input: { uai: '0840001H', name: 'Lycée Frédéric Mistral', city: 'Avignon', department: '84', level: 'LYCEE' },
    });
    expect(createSchool).toMatchObject({ uai: '0840001H', department: '84' });
  });

  it('refuses a bad UAI and a bad department, naming both fields', async () => {
    const organizer = await t.factories.organizer();
    const before = await t.factories.count('schools');
    const err = await organizer.client.fails(CREATE, {
      input: { uai: '084001H', name: 'X Y', city: 'Avignon', department: '99', level: 'LYCEE' },
    });
    expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(err.extensions?.fields ?? {}).sort()).toEqual(['department', 'uai']);
    expect(await t.factories.count('schools')).toBe(before);
  });

  it('refuses a duplicate UAI with CONFLICT', async () => {
    const organizer = await t.factories.organizer();
    expect(
      await organizer.client.code(CREATE, {
        input: { uai: '0130042A', name: 'Autre', city: 'Marseille', department: '13', level: 'LYCEE' },
      }),
    ).toBe('CONFLICT');
  });

  it('is refused to teachers', async () => {
    const school = await t.factories.school();
    const teacher = await t.factories.teacher(school.id);
    expect(
      await teacher.client.code(CREATE, {
        input: { uai: '0130099Z', name: 'Nouveau', city: 'Marseille', department: '13', level: 'COLLEGE' },
      }),
    ).toBe('FORBIDDEN');
  });
});
