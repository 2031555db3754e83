// Other features register what a phase change means for them (e.g. the leaderboard freezes its
// snapshot on RESULTS and unfreezes it when JUDGING reopens), so setPhase runs every step in
// its own transaction without knowing those features.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { HackathonPhase } from '../graphql/enums';
import { HackathonEntity } from './hackathon.entity';

/** Runs inside the setPhase transaction, after the hackathon row is updated (and locked). Throwing rolls everything back. */
export type PhaseChangeHook = (
  m: EntityManager,
  hackathon: HackathonEntity,
  from: HackathonPhase,
  to: HackathonPhase,
  actorId: string | null,
) => Promise<void>;

@Injectable()
export class PhaseChangeHooks {
  private readonly hooks: PhaseChangeHook[] = [];

  register(hook: PhaseChangeHook): void {
    this.hooks.push(hook);
  }

  async run(
    m: EntityManager,
    hackathon: HackathonEntity,
    from: HackathonPhase,
    to: HackathonPhase,
    actorId: string | null,
  ): Promise<void> {
    for (const hook of this.hooks) await hook(m, hackathon, from, to, actorId);
  }
}
