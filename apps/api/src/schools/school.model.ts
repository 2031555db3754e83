import { Field, ID, ObjectType } from '@nestjs/graphql';
import { SchoolLevel } from '../graphql/enums';
import { SchoolEntity } from './school.entity';

@ObjectType('School', { description: 'A collège or lycée taking part.' })
export class SchoolModel {
  @Field(() => ID, { description: 'Identifier (UUID).' })
  id: string;

  @Field({ description: 'French school identifier (UAI): 7 digits and a letter, e.g. 0130001A.' })
  uai: string;

  @Field({ description: 'Name of the school.' })
  name: string;

  @Field({ description: 'City.' })
  city: string;

  @Field({ description: 'Department code: "13", "83", "2A"…' })
  department: string;

  @Field(() => SchoolLevel, { description: 'Collège or lycée.' })
  level: SchoolLevel;

  static from(entity: SchoolEntity): SchoolModel {
    const m = new SchoolModel();
    m.id = entity.id;
    m.uai = entity.uai;
    m.name = entity.name;
    m.city = entity.city;
    m.department = entity.department;
    m.level = entity.level as SchoolLevel;
    return m;
  }
}
