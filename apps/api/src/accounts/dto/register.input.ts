import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { Role } from '../../graphql/enums';

@InputType('RegisterInput', { description: 'Self sign-up of a pupil or a teacher.' })
export class RegisterInput {
  @Field(() => Role, { description: 'PUPIL or TEACHER; jurors and organizers come through invitations.' })
  @IsEnum(Role)
  role: Role;

  @Field({ description: 'Email, unique ignoring case.' })
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email: string;

  @Field({ description: 'At least 10 characters, not a common password.' })
  @IsString()
  password: string;

  @Field({ description: 'First name.' })
  @IsString()
  @Length(1, 80)
  firstName: string;

  @Field({ description: 'Last name (shown to others only as an initial).' })
  @IsString()
  @Length(1, 80)
  lastName: string;

  @Field(() => ID, { description: 'The school the person belongs to.' })
  @IsUUID('all', { message: 'must be a valid ID (UUID)' })
  schoolId: string;

  @Field(() => Int, { nullable: true, description: 'Year of birth; required for pupils.' })
  @IsOptional()
  @IsInt()
  birthYear?: number | null;
}
