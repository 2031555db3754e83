import {
  Controller,
  Get,
  Injectable,
  OnApplicationShutdown,
  ServiceUnavailableException,
} from '@nestjs/common';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/auth.decorators';
import { PubSubService } from '../pubsub/pubsub.service';

/** Flipped at SIGTERM so load balancers stop sending traffic before the process ends. */
@Injectable()
export class ShutdownState implements OnApplicationShutdown {
  shuttingDown = false;
  beforeApplicationShutdown(): void {
    this.shuttingDown = true;
  }
  onApplicationShutdown(): void {
    this.shuttingDown = true;
  }
}

@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly shutdown: ShutdownState,
    private readonly pubsub: PubSubService,
  ) {}

  /** 200 while the process lives. */
  @Get()
  live() {
    return { status: 'ok' };
  }

  /**
   * 200 only while the database answers, once the pub/sub hears what every instance must hear
   * (sessions ended elsewhere), and not while shutting down.
   */
  @Get('ready')
  @HealthCheck()
  ready() {
    if (this.shutdown.shuttingDown)
      throw new ServiceUnavailableException({ status: 'shutting down' });
    if (!this.pubsub.started) throw new ServiceUnavailableException({ status: 'starting' });
    return this.health.check([() => this.db.pingCheck('database', { timeout: 2000 })]);
  }
}
