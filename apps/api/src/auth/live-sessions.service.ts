// Live websocket sessions: when a user's sessions end (logout everywhere, suspension, deletion,
// retention erasure), their open graphql-ws connections close at once on every instance, so a
// subscription never outlives the account's right to it. Announced through the app's pub/sub
// after the transaction that ended the sessions has committed. A periodic check against the
// database closes what an event lost on the way (e.g. Redis down at that moment) left open.
import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app.config';
import { PubSubService } from '../pubsub/pubsub.service';

export const SESSIONS_ENDED_TOPIC = 'auth.sessions-ended';
/** graphql-ws "Forbidden": the client does not reconnect with the same credentials. */
export const SESSION_ENDED_CLOSE_CODE = 4403;

/** What this service needs of a websocket. */
export interface LiveSocket {
  close(code: number, reason: string): void;
  once(event: 'close', listener: () => void): unknown;
}

@Injectable()
export class LiveSessionsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LiveSessionsService.name);
  /** By user: each open socket and the session version it was opened with. */
  private readonly sockets = new Map<string, Map<LiveSocket, number>>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly pubsub: PubSubService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  onModuleInit(): void {
    const every = this.config.liveSessionsCheckIntervalMs;
    if (every > 0) {
      this.timer = setInterval(() => {
        this.checkSessions().catch((err: Error) =>
          this.logger.warn(`Live sessions not checked: ${err.message}`),
        );
      }, every);
      this.timer.unref();
    }
    // Not awaited, so the app still starts while Redis is unreachable: /health/ready answers 503
    // until this subscription is acknowledged (PubSubService.listening).
    this.pubsub
      .listen<{ userIds: string[] }>(SESSIONS_ENDED_TOPIC, (event) => this.close(event.userIds))
      .catch((err: Error) => this.logger.error(`Session events not heard: ${err.message}`));
  }

  /** Remembers a connection authenticated as the user (at that session version) until it closes. */
  track(userId: string, sessionVersion: number, socket: LiveSocket): void {
    let open = this.sockets.get(userId);
    if (!open) this.sockets.set(userId, (open = new Map()));
    open.set(socket, sessionVersion);
    socket.once('close', () => {
      open.delete(socket);
      if (open.size === 0 && this.sockets.get(userId) === open) this.sockets.delete(userId);
    });
  }

  /** To every instance: these users' sessions have ended (call after the commit). */
  async announceEnded(userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    try {
      await this.pubsub.publish(SESSIONS_ENDED_TOPIC, { userIds });
    } catch (err) {
      // The tokens are already dead; only live sockets of other instances stay open until they reconnect.
      this.logger.warn(`Could not announce ended sessions: ${(err as Error).message}`);
      this.close(userIds);
    }
  }

  /**
   * Closes the tracked connections whose user was deleted or whose session version moved on
   * (every way of ending sessions bumps it): one indexed query for all of this instance's users.
   */
  async checkSessions(): Promise<void> {
    const ids = [...this.sockets.keys()];
    if (ids.length === 0) return;
    const rows: { id: string; session_version: number }[] = await this.dataSource.query(
      'SELECT id, session_version FROM users WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL',
      [ids],
    );
    const current = new Map(rows.map((r) => [r.id, Number(r.session_version)]));
    for (const id of ids) {
      const version = current.get(id);
      for (const [socket, openedAt] of this.sockets.get(id) ?? []) {
        if (version !== openedAt) socket.close(SESSION_ENDED_CLOSE_CODE, 'Session closed');
      }
    }
  }

  private close(userIds: string[]): void {
    for (const id of userIds) {
      for (const socket of this.sockets.get(id)?.keys() ?? [])
        socket.close(SESSION_ENDED_CLOSE_CODE, 'Session closed');
      this.sockets.delete(id);
    }
  }
}
