import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsString, Length, Matches } from 'class-validator';
import { DEPARTMENT_PATTERN, UAI_PATTERN } from '@ensemble/domain';
import { SchoolLevel } from '../../graphql/enums';

@InputType('SchoolInput', { description: 'A new school.' })
export class SchoolInput {
  @Field({ description: 'UAI: 7 digits and an upper-case letter.' })
  @Matches(UAI_PATTERN, { message: 'must be 7 digits followed by an upper-case letter (e.g. 0130001A)' })
  uai: string;

  @Field({ description: 'Name of the school.' })
  @IsString()
  @Length(2, 200)
  name: string;

  @Field({ description: 'City.' })
  @IsString()
  @Length(1, 120)
  city: string;

  @Field({ description: 'Department code ("13", "2A", "974"…).' })
  @Matches(DEPARTMENT_PATTERN, { message: 'must be a French department code' })
  department: string;

  @Field(() => SchoolLevel, { description: 'Collège or lycée.' })
  @IsEnum(SchoolLevel)
  level: SchoolLevel;
}
