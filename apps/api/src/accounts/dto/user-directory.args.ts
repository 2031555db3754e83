import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { AccountStatus, Role } from '../../graphql/enums';

export const MAX_USERS_PAGE = 100;

@ArgsType()
export class PendingTeachersArgs {
  @Field(() => Int, {
    defaultValue: 25,
    description: `At most this many (1–${MAX_USERS_PAGE}), oldest sign-up first.`,
  })
  @IsInt()
  @Min(1, { message: `must be between 1 and ${MAX_USERS_PAGE}` })
  @Max(MAX_USERS_PAGE, { message: `must be between 1 and ${MAX_USERS_PAGE}` })
  first = 25;

  @Field(() => ID, {
    nullable: true,
    description: 'Continue after this teacher (the last one of the previous page).',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a valid ID (UUID)' })
  after?: string | null;
}

@ArgsType()
export class UsersArgs {
  @Field(() => String, {
    nullable: true,
    description:
      'Words to find in the first name, last name, email or login (case and accents ignored; at most 100 characters).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string | null;

  @Field(() => Role, { nullable: true, description: 'Only accounts with this role.' })
  @IsOptional()
  @IsEnum(Role)
  role?: Role | null;

  @Field(() => AccountStatus, { nullable: true, description: 'Only accounts with this status.' })
  @IsOptional()
  @IsEnum(AccountStatus)
  status?: AccountStatus | null;

  @Field(() => Int, {
    defaultValue: 25,
    description: `At most this many (1–${MAX_USERS_PAGE}), by last name, first name, then id.`,
  })
  @IsInt()
  @Min(1, { message: `must be between 1 and ${MAX_USERS_PAGE}` })
  @Max(MAX_USERS_PAGE, { message: `must be between 1 and ${MAX_USERS_PAGE}` })
  first = 25;

  @Field(() => ID, {
    nullable: true,
    description: 'Continue after this account (the last one of the previous page).',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a valid ID (UUID)' })
  after?: string | null;
}
