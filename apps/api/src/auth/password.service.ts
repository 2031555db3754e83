// argon2id hashing with OWASP's recommended parameters, in a low-priority helper process.
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import * as argon2 from 'argon2';
import { PasswordHasher } from './password-hasher';

const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordService implements OnApplicationShutdown {
  private readonly hasher = new PasswordHasher();
  /**
   * Verified against unknown logins so both answers take the same time. Made here, once: the
   * helper process starts with the first sign-in, not at every boot.
   */
  private readonly dummyHash = argon2.hash('ensemble-timing-equaliser', OPTIONS);

  hash(password: string): Promise<string> {
    return this.hasher.hash(password, OPTIONS);
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    if (!hash) {
      await this.hasher.verify(await this.dummyHash, password).catch(() => false);
      return false;
    }
    try {
      return await this.hasher.verify(hash, password);
    } catch {
      return false;
    }
  }

  onApplicationShutdown(): void {
    this.hasher.close();
  }
}
