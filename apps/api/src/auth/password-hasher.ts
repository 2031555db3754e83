// argon2 in a helper process at a lower CPU priority: a storm of sign-ins gets the CPU that
// requests leave free instead of taking it from them. In the API process, libuv's 4 argon2
// threads beside the event loop on 2 cores multiplied the leaderboard's p99 by 50 (bench S4).
import { ChildProcess, spawn } from 'node:child_process';

/** The helper's niceness: its argon2 threads run when the event loop and the database are idle. */
export const HASHER_NICE = 10;

export interface Argon2Options {
  type: number;
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

type Request =
  | { op: 'hash'; password: string; options: Argon2Options }
  | { op: 'verify'; hash: string; password: string };
type Reply = { id: number; value?: string | boolean; error?: string };

/**
 * The helper, run as `node -e` (so it needs no file of its own in the build): it lowers its own
 * priority before argon2 starts libuv's threads, which inherit it. It exits with its parent.
 */
const HELPER = `
const [argon2Path, nice] = process.argv.slice(1);
try { require('node:os').setPriority(Number(nice)); } catch {}
const argon2 = require(argon2Path);
process.on('message', ({ id, op, password, hash, options }) => {
  (op === 'hash' ? argon2.hash(password, options) : argon2.verify(hash, password)).then(
    (value) => process.send({ id, value }),
    (error) => process.send({ id, error: String((error && error.message) || error) }),
  );
});
process.on('disconnect', () => process.exit(0));
`;

export class PasswordHasher {
  private child: ChildProcess | null = null;
  private readonly pending = new Map<
    number,
    { child: ChildProcess; resolve: (v: unknown) => void; reject: (e: Error) => void }
  >();
  private lastId = 0;
  private closing = false;

  /** The helper's pid while it runs. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  hash(password: string, options: Argon2Options): Promise<string> {
    return this.run({ op: 'hash', password, options }) as Promise<string>;
  }

  /** Rejects on a malformed hash, like argon2.verify. */
  verify(hash: string, password: string): Promise<boolean> {
    return this.run({ op: 'verify', hash, password }) as Promise<boolean>;
  }

  /** Stops the helper once the calls under way have their answer. */
  close(): void {
    this.closing = true;
    if (this.pending.size === 0) this.stop();
  }

  private run(request: Request): Promise<unknown> {
    this.closing = false;
    const child = this.child ?? this.start();
    const id = ++this.lastId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { child, resolve, reject });
      // Only pending calls keep the process alive.
      if (this.pending.size === 1) this.ref(child, true);
      child.send({ id, ...request }, (err) => {
        if (err) this.settle({ id, error: `password helper unreachable: ${err.message}` });
      });
    });
  }

  private start(): ChildProcess {
    const child = spawn(
      process.execPath,
      ['-e', HELPER, require.resolve('argon2'), String(HASHER_NICE)],
      {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      },
    );
    child.on('message', (reply: Reply) => this.settle(reply));
    child.on('exit', (code, signal) => {
      if (this.child === child) this.child = null;
      // Calls under way have no answer coming: fail them (the next call starts a new helper).
      for (const [id, call] of [...this.pending])
        if (call.child === child)
          this.settle({ id, error: `password helper exited (${signal ?? code})` });
    });
    child.on('error', () => undefined); // reported through 'exit' or the send callback
    this.ref(child, false);
    this.child = child;
    return child;
  }

  private settle(reply: Reply): void {
    const call = this.pending.get(reply.id);
    if (!call) return;
    this.pending.delete(reply.id);
    if (reply.error !== undefined) call.reject(new Error(reply.error));
    else call.resolve(reply.value);
    if (this.pending.size === 0) {
      if (this.closing) this.stop();
      else if (this.child) this.ref(this.child, false);
    }
  }

  private ref(child: ChildProcess, on: boolean): void {
    const channel = child.channel as { ref(): void; unref(): void } | null | undefined;
    if (on) {
      child.ref();
      channel?.ref();
    } else {
      child.unref();
      channel?.unref();
    }
  }

  private stop(): void {
    const child = this.child;
    this.child = null;
    if (child?.connected) child.disconnect();
  }
}
