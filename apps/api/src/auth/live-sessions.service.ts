// Live websocket sessions: when a user's sessions end (logout everywhere, suspension, deletion,
// retention erasure), their open graphql-ws connections close at once on every instance, so a
// subscription never outlives the account's right to it. Announced through the app's pub/sub
// after the transaction that ended the sessions has committed.
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
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
export class LiveSessionsService implements OnModuleInit {
  private readonly logger = new Logger(LiveSessionsService.name);
  private readonly sockets = new Map<string, Set<LiveSocket>>();

  constructor(private readonly pubsub: PubSubService) {}

  onModuleInit(): void {
    // Not awaited, so the app still starts while Redis is unreachable: /health/ready answers 503
    // until this subscription is acknowledged (PubSubService.listening).
    this.pubsub
      .listen<{ userIds: string[] }>(SESSIONS_ENDED_TOPIC, (event) => this.close(event.userIds))
      .catch((err: Error) => this.logger.error(`Session events not heard: ${err.message}`));
  }

  /** Remembers a connection authenticated as the user until it closes. */
  track(userId: string, socket: LiveSocket): void {
    let set = this.sockets.get(userId);
    if (!set) this.sockets.set(userId, (set = new Set()));
    set.add(socket);
    socket.once('close', () => {
      set.delete(socket);
      if (set.size === 0 && this.sockets.get(userId) === set) this.sockets.delete(userId);
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

  private close(userIds: string[]): void {
    for (const id of userIds) {
      for (const socket of this.sockets.get(id) ?? [])
        socket.close(SESSION_ENDED_CLOSE_CODE, 'Session closed');
      this.sockets.delete(id);
    }
  }
}
