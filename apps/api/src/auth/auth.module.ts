import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/app.config';
import { RefreshTokenEntity } from './refresh-token.entity';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
import { TokensService } from './tokens.service';
import { AuthGuard } from './auth.guard';
import { SessionCookieController } from './session-cookie.controller';
import { SessionCookieInterceptor } from './session-cookie.interceptor';
import { LiveSessionsService } from './live-sessions.service';

@Module({
  imports: [
    // The secret as a KeyObject, built once: given a string, jsonwebtoken first tries (and fails)
    // to parse it as a public key on every verify — 350 µs instead of 8 µs per request.
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(Buffer.from(config.jwtSecret)),
      }),
    }),
    TypeOrmModule.forFeature([RefreshTokenEntity]),
  ],
  controllers: [SessionCookieController],
  providers: [
    AuthService,
    TokensService,
    PasswordService,
    LoginThrottleService,
    AuthResolver,
    AuthGuard,
    SessionCookieInterceptor,
    LiveSessionsService,
  ],
  exports: [
    AuthService,
    TokensService,
    PasswordService,
    AuthGuard,
    SessionCookieInterceptor,
    LiveSessionsService,
  ],
})
export class AuthModule {}
