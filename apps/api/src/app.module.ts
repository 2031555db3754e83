// The application: one module per feature, wired with the database, GraphQL and guards.
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { AccountsModule } from './accounts/accounts.module';
import { AuditModule } from './audit/audit.module';
import { AuthGuard } from './auth/auth.guard';
import { AuthModule } from './auth/auth.module';
import { AuthService } from './auth/auth.service';
import { AppThrottlerGuard } from './common/throttler.guard';
import { SlidingWindowThrottlerStorage } from './common/throttler-storage';
import { HttpErrorFilter } from './common/http-exception.filter';
import { AppConfig } from './config/app.config';
import { loggerParams } from './config/logger.config';
import { CoreModule } from './core.module';
import { dataSourceOptions } from './database/data-source-options';
import { graphqlOptions } from './graphql/graphql-options';
import { LiveSessionsService } from './auth/live-sessions.service';
import { HealthModule } from './health/health.module';
import { PubSubModule } from './pubsub/pubsub.module';
import { SchoolsModule } from './schools/schools.module';
import { FEATURE_MODULES } from './features';

export interface AppModuleOptions {
  /** Tests count SQL statements through this TypeORM logger. */
  sqlLogger?: TypeOrmLogger;
}

@Module({})
export class AppModule {
  static forRoot(
    config: AppConfig,
    databaseUrl: string,
    options: AppModuleOptions = {},
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config)),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(databaseUrl, config.dbPoolSize),
          autoLoadEntities: true,
          ...(options.sqlLogger ? { logging: ['query'], logger: options.sqlLogger } : {}),
        }),
        ThrottlerModule.forRoot({
          throttlers: [{ ttl: 60_000, limit: config.rateLimitPerMinute }],
          storage: new SlidingWindowThrottlerStorage(),
        }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuthModule],
          inject: [AuthService, LiveSessionsService],
          useFactory: (auth: AuthService, liveSessions: LiveSessionsService) =>
            graphqlOptions(config, auth, liveSessions),
        }),
        AuditModule,
        PubSubModule,
        AuthModule,
        SchoolsModule,
        AccountsModule,
        HealthModule,
        ...FEATURE_MODULES,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AppThrottlerGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    };
  }
}
