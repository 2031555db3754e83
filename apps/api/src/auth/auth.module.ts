import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RefreshTokenEntity } from './refresh-token.entity';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
import { TokensService } from './tokens.service';
import { AuthGuard } from './auth.guard';

@Module({
  imports: [JwtModule.register({}), TypeOrmModule.forFeature([RefreshTokenEntity])],
  providers: [AuthService, TokensService, PasswordService, LoginThrottleService, AuthResolver, AuthGuard],
  exports: [AuthService, TokensService, PasswordService, AuthGuard],
})
export class AuthModule {}
