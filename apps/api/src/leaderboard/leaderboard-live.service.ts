// Live boards for `leaderboardUpdated`: change events from any instance are coalesced per
// hackathon, and each instance with subscribers computes each distinct board once per tick.
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { HackathonEntity } from '../hackathons/hackathon.entity';
import { PubSubService } from '../pubsub/pubsub.service';
import { LeaderboardDataService } from './leaderboard-data.service';
import { leaderboardChanged, LeaderboardChanged } from './leaderboard-events.service';
import { LeaderboardModel } from './leaderboard.model';
import { LeaderboardService } from './leaderboard.service';
import { BoardFilter } from './leaderboard.types';
import { LatestValueQueue } from './push-queue';

/**
 * A change is pushed at once (the next macrotask, so changes of the same moment ride along),
 * but boards start at most every MIN_INTERVAL_MS per hackathon, however many scores arrive: in
 * a burst, the changes that arrive meanwhile are coalesced into one later board. A change
 * arriving while a board is computed schedules exactly one more.
 */
export const MIN_INTERVAL_MS = 200;

interface Subscriber {
  key: string;
  filter: BoardFilter;
  /** Organizers see the live board; everyone else only a published one. */
  organizer: boolean;
  queue: LatestValueQueue<LeaderboardModel>;
}

interface Hub {
  subscribers: Set<Subscriber>;
  /** This instance's one listener for the hackathon's changes (not one per subscriber). */
  changes: AsyncIterableIterator<LeaderboardChanged>;
  timer: NodeJS.Timeout | null;
  running: boolean;
  again: boolean;
  /** When the last board computation started (performance.now()). */
  lastStart: number;
}

@Injectable()
export class LeaderboardLiveService implements OnApplicationShutdown {
  private readonly logger = new Logger(LeaderboardLiveService.name);
  private readonly hubs = new Map<string, Hub>();

  constructor(
    private readonly data: LeaderboardDataService,
    private readonly leaderboard: LeaderboardService,
    private readonly pubsub: PubSubService,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    for (const hub of [...this.hubs.values()]) {
      for (const s of [...hub.subscribers]) await s.queue.return();
    }
    this.hubs.clear();
  }

  /** A subscription starting with the current board; the caller has checked access. */
  async subscribe(
    h: HackathonEntity,
    filter: BoardFilter,
    organizer: boolean,
  ): Promise<AsyncIterableIterator<LeaderboardModel>> {
    const key = `${filter.method}|${filter.category ?? '*'}|${filter.trackId ?? '*'}|${filter.first ?? '*'}`;
    let hub = this.hubs.get(h.id);
    if (!hub) {
      hub = this.openHub(h.id);
      this.hubs.set(h.id, hub);
    }
    const owner = hub;
    const subscriber: Subscriber = {
      key,
      filter,
      organizer,
      queue: new LatestValueQueue<LeaderboardModel>(() => {
        owner.subscribers.delete(subscriber);
        if (owner.subscribers.size === 0 && this.hubs.get(h.id) === owner) {
          if (owner.timer) clearTimeout(owner.timer);
          this.hubs.delete(h.id);
          void owner.changes.return?.();
        }
      }),
    };
    hub.subscribers.add(subscriber);
    // Listening starts before the current board is read, so no change can fall in between.
    try {
      subscriber.queue.push(LeaderboardModel.from(h, await this.leaderboard.board(h, filter)));
    } catch (err) {
      await subscriber.queue.return(); // leaves nothing registered
      throw err;
    }
    return subscriber.queue;
  }

  /** A hub listens to its hackathon's change topic until its last subscriber leaves. */
  private openHub(hackathonId: string): Hub {
    const hub: Hub = {
      subscribers: new Set(),
      changes: this.pubsub.subscribe<LeaderboardChanged>(leaderboardChanged(hackathonId)),
      timer: null,
      running: false,
      again: false,
      lastStart: Number.NEGATIVE_INFINITY,
    };
    void (async () => {
      try {
        for await (const _change of hub.changes) this.onChanged(hackathonId, hub);
      } catch (err) {
        this.logger.error(
          `Leaderboard change listener of ${hackathonId} stopped: ${(err as Error).message}`,
        );
      }
    })();
    return hub;
  }

  private onChanged(hackathonId: string, hub: Hub): void {
    this.leaderboard.invalidate(hackathonId);
    if (this.hubs.get(hackathonId) === hub) this.schedule(hackathonId, hub);
  }

  private schedule(hackathonId: string, hub: Hub): void {
    if (hub.running) {
      hub.again = true;
      return;
    }
    if (hub.timer) return;
    const wait = Math.max(0, hub.lastStart + MIN_INTERVAL_MS - performance.now());
    hub.timer = setTimeout(() => void this.tick(hackathonId, hub), wait);
  }

  private async tick(hackathonId: string, hub: Hub): Promise<void> {
    hub.timer = null;
    hub.running = true;
    hub.lastStart = performance.now();
    try {
      const found = await this.data.hackathonWithStamp(hackathonId);
      if (!found) return;
      const h = found.hackathon;
      const byKey = new Map<string, Subscriber[]>();
      for (const s of hub.subscribers) {
        const group = byKey.get(s.key);
        if (group) group.push(s);
        else byKey.set(s.key, [s]);
      }
      for (const subscribers of byKey.values()) {
        // Computed (and mapped) once, then handed to every subscriber of the same board.
        const board = LeaderboardModel.from(
          h,
          await this.leaderboard.board(h, subscribers[0].filter, found.stamp),
        );
        for (const s of subscribers) if (s.organizer || board.published) s.queue.push(board);
      }
    } catch (err) {
      this.logger.error(
        `Could not compute the live leaderboard of ${hackathonId}: ${(err as Error).message}`,
      );
    } finally {
      hub.running = false;
      if (hub.again) {
        hub.again = false;
        if (this.hubs.get(hackathonId) === hub) this.schedule(hackathonId, hub);
      }
    }
  }
}
