import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { UserModel } from '../accounts/user.model';
import { Viewer } from './viewer';
import { AllowInactive, CurrentViewer, Public } from './auth.decorators';
import { AuthService } from './auth.service';
import { AuthPayloadModel } from './dto/auth-payload.model';
import { UserEntity } from '../accounts/user.entity';
import { TokenPair } from './tokens.service';
import { OpensCookieSession } from './session-cookie.interceptor';

export function authPayload(user: UserEntity, pair: TokenPair): AuthPayloadModel {
  return { ...pair, user: UserModel.from(user, new Viewer(user)) };
}

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @AllowInactive()
  @OpensCookieSession()
  @Mutation(() => AuthPayloadModel, { description: 'Signs in with an email or a generated pupil login.' })
  async login(
    @Args('login', { description: 'Email or generated pupil login.' }) login: string,
    @Args('password', { description: 'Password.' }) password: string,
  ): Promise<AuthPayloadModel> {
    const { user, pair } = await this.auth.login(login, password);
    return authPayload(user, pair);
  }

  @Public()
  @AllowInactive()
  @Mutation(() => AuthPayloadModel, { description: 'Trades a refresh token for a new pair; the old one stops working.' })
  async refreshToken(@Args('refreshToken', { description: 'The current refresh token.' }) refreshToken: string): Promise<AuthPayloadModel> {
    const { user, pair } = await this.auth.refresh(refreshToken);
    return authPayload(user, pair);
  }

  @Public()
  @AllowInactive()
  @Mutation(() => Boolean, { description: 'Closes the session of this refresh token.' })
  logout(@Args('refreshToken', { description: 'The refresh token to revoke.' }) refreshToken: string): Promise<boolean> {
    return this.auth.logout(refreshToken);
  }

  @AllowInactive()
  @Mutation(() => Boolean, { description: 'Closes every session of the caller on every device.' })
  async logoutEverywhere(@CurrentViewer() viewer: Viewer): Promise<boolean> {
    await this.auth.endAllSessions(viewer.id!);
    return true;
  }
}
