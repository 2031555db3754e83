// "The scores of hackathon X changed": dropped from this instance's cache at once and
// broadcast to every API instance (Redis when REDIS_URL) for the live subscriptions.
import { Injectable, Logger } from '@nestjs/common';
import { PubSubService } from '../pubsub/pubsub.service';
import { LeaderboardService } from './leaderboard.service';

/** One topic per hackathon: an instance only hears about the hackathons its subscribers follow. */
export const leaderboardChanged = (hackathonId: string) => `leaderboard.changed.${hackathonId}`;

export interface LeaderboardChanged {
  hackathonId: string;
}

@Injectable()
export class LeaderboardEvents {
  private readonly logger = new Logger(LeaderboardEvents.name);

  constructor(
    private readonly leaderboard: LeaderboardService,
    private readonly pubsub: PubSubService,
  ) {}

  /** Called after the transaction that changed scores (or the publication) committed. */
  async changed(hackathonId: string): Promise<void> {
    this.leaderboard.invalidate(hackathonId);
    // The change is committed: a broker hiccup must not turn it into an error for the caller.
    await this.pubsub
      .publish<LeaderboardChanged>(leaderboardChanged(hackathonId), { hackathonId })
      .catch((err: Error) =>
        this.logger.warn(`Could not broadcast a leaderboard change: ${err.message}`),
      );
  }
}
