import { readdirSync, readFileSync } from 'node:fs';
import * as argon2 from 'argon2';
import { HASHER_NICE, PasswordHasher } from './password-hasher';

const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Niceness of each thread of a process (field 19 of /proc/<pid>/task/<tid>/stat). */
const threadNice = (pid: number) =>
  readdirSync(`/proc/${pid}/task`).map((tid) => {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });

describe('PasswordHasher (argon2 in a low-priority helper process)', () => {
  const hasher = new PasswordHasher();
  afterAll(() => hasher.close());

  it('verifies hashes made by argon2 here, and its own hashes here', async () => {
    const hash = await argon2.hash('correct horse battery', OPTIONS);
    await expect(hasher.verify(hash, 'correct horse battery')).resolves.toBe(true);
    await expect(hasher.verify(hash, 'correct horse batterY')).resolves.toBe(false);
    const own = await hasher.hash('another secret', OPTIONS);
    expect(own).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    await expect(argon2.verify(own, 'another secret')).resolves.toBe(true);
  });

  it('rejects a malformed hash like argon2.verify does', async () => {
    await expect(hasher.verify('not-a-hash', 'x')).rejects.toThrow();
  });

  it('hashes on threads below normal priority (Linux)', async () => {
    await hasher.verify(await argon2.hash('x', OPTIONS), 'x');
    const nice = threadNice(hasher.pid!);
    // The main thread and libuv's pool (argon2) at HASHER_NICE; V8's own threads start before.
    expect(nice.filter((n) => n === HASHER_NICE).length).toBeGreaterThanOrEqual(5);
    expect(nice[0]).toBe(HASHER_NICE);
  });

  it('fails the calls under way when the helper dies, and starts a new one', async () => {
    const hash = await argon2.hash('x', OPTIONS);
    await hasher.verify(hash, 'x');
    const pid = hasher.pid!;
    const call = hasher.verify(hash, 'x');
    process.kill(pid, 'SIGKILL');
    await expect(call).rejects.toThrow(/exited/);
    await expect(hasher.verify(hash, 'x')).resolves.toBe(true);
    expect(hasher.pid).not.toBe(pid);
  });
});
