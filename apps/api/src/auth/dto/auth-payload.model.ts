import { Field, ObjectType } from '@nestjs/graphql';
import { UserModel } from '../../accounts/user.model';

@ObjectType('AuthPayload', { description: 'Tokens returned by login, registration and refresh.' })
export class AuthPayloadModel {
  @Field({ description: 'JWT for the Authorization header; lives 15 minutes.' })
  accessToken: string;

  @Field({ description: 'One-use refresh token; lives 30 days and rotates on every refresh.' })
  refreshToken: string;

  @Field(() => UserModel, { description: 'The signed-in user.' })
  user: UserModel;
}
