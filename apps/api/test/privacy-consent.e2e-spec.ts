// Parental consent is recorded: which teacher confirmed it, and when.
import { createTestApp, TestApp } from '@ensemble/testing';

describe('privacy: parental consent is recorded', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const consentOf = async (id: string) =>
    (
      await t.db.query(
        `SELECT parental_consent_confirmed AS confirmed, consent_confirmed_by AS "by", consent_confirmed_at AS "at" FROM users WHERE id = $1`,
        [id],
      )
    )[0];

  it('validatePupil with consent records the teacher and the time of the confirmation', async () => {
    t.clock.set('2030-03-10T09:30:00Z'); // before signing tokens: they are dated by this clock
    const school = await t.factories.school();
    const teacher = await t.factories.teacher(school.id);
    const pupil = await t.factories.pupil(school.id, { status: 'PENDING', birthYear: 2030 - 12 });
    await teacher.client.ok(
      `mutation($id: ID!) { validatePupil(userId: $id, parentalConsentConfirmed: true) { id } }`,
      { id: pupil.id },
    );
    expect(await consentOf(pupil.id)).toEqual({
      confirmed: true,
      by: teacher.id,
      at: new Date('2030-03-10T09:30:00Z'),
    });
  });

  it('validatePupil without consent for a pupil of 15 or more records no confirmation', async () => {
    t.clock.set('2030-03-10T09:30:00Z');
    const school = await t.factories.school();
    const teacher = await t.factories.teacher(school.id);
    const pupil = await t.factories.pupil(school.id, { status: 'PENDING', birthYear: 2030 - 16 });
    await teacher.client.ok(
      `mutation($id: ID!) { validatePupil(userId: $id, parentalConsentConfirmed: false) { id } }`,
      { id: pupil.id },
    );
    expect(await consentOf(pupil.id)).toEqual({ confirmed: false, by: null, at: null });
  });

  it('a later validation does not overwrite who confirmed consent first', async () => {
    t.clock.set('2030-03-10T09:30:00Z');
    const school = await t.factories.school();
    const first = await t.factories.teacher(school.id);
    const second = await t.factories.teacher(school.id);
    const pupil = await t.factories.pupil(school.id, { status: 'PENDING', birthYear: 2030 - 12 });
    const validate = `mutation($id: ID!) { validatePupil(userId: $id, parentalConsentConfirmed: true) { id } }`;
    await first.client.ok(validate, { id: pupil.id });
    t.clock.advance(60_000);
    await second.client.ok(validate, { id: pupil.id });
    expect(await consentOf(pupil.id)).toEqual({
      confirmed: true,
      by: first.id,
      at: new Date('2030-03-10T09:30:00Z'),
    });
  });

  it('createPupilAccounts records the creating teacher and the time for pupils with consent, nothing for the others', async () => {
    t.clock.set('2030-09-02T08:00:00Z');
    const school = await t.factories.school();
    const teacher = await t.factories.teacher(school.id);
    const { createPupilAccounts } = await teacher.client.ok(
      `mutation($pupils: [PupilAccountInput!]!) { createPupilAccounts(pupils: $pupils) { user { id } login } }`,
      {
        pupils: [
          {
            firstName: 'Léa',
            lastName: 'Martin',
            birthYear: 2030 - 12,
            parentalConsentConfirmed: true,
          },
          {
            firstName: 'Hugo',
            lastName: 'Petit',
            birthYear: 2030 - 16,
            parentalConsentConfirmed: false,
          },
        ],
      },
    );
    expect(await consentOf(createPupilAccounts[0].user.id)).toEqual({
      confirmed: true,
      by: teacher.id,
      at: new Date('2030-09-02T08:00:00Z'),
    });
    expect(await consentOf(createPupilAccounts[1].user.id)).toEqual({
      confirmed: false,
      by: null,
      at: null,
    });
  });
});
