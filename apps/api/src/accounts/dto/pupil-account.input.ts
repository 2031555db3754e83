import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsString, Length } from 'class-validator';
import { UserModel } from '../user.model';

@InputType('PupilAccountInput', { description: 'A pupil account created by their teacher.' })
export class PupilAccountInput {
  @Field({ description: 'First name.' })
  @IsString()
  @Length(1, 80)
  firstName: string;

  @Field({ description: 'Last name.' })
  @IsString()
  @Length(1, 80)
  lastName: string;

  @Field(() => Int, { description: 'Year of birth.' })
  @IsInt()
  birthYear: number;

  @Field({ description: 'The teacher confirms a parent agreed (needed under 15).' })
  @IsBoolean()
  parentalConsentConfirmed: boolean;
}

@ObjectType('CreatedPupilAccount', { description: 'A new pupil account and its one-time credentials.' })
export class CreatedPupilAccountModel {
  @Field(() => UserModel, { description: 'The pupil.' })
  user: UserModel;

  @Field({ description: 'Generated login (not an email).' })
  login: string;

  @Field({ description: 'Temporary password, shown only this once.' })
  temporaryPassword: string;
}
