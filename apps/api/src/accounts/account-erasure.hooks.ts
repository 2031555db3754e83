// Other features register what erasing an account means for them (e.g. leaving teams),
// so deleteMyAccount runs every step in one transaction without knowing the features.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UserEntity } from './user.entity';

export type ErasureStep = (m: EntityManager, user: UserEntity) => Promise<void>;

@Injectable()
export class AccountErasureHooks {
  private readonly steps: ErasureStep[] = [];

  register(step: ErasureStep): void {
    this.steps.push(step);
  }

  async run(m: EntityManager, user: UserEntity): Promise<void> {
    for (const step of this.steps) await step(m, user);
  }
}
