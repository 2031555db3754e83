import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Public, Roles } from '../auth/auth.decorators';
import { Role } from '../graphql/enums';
import { SchoolModel } from './school.model';
import { SchoolsService } from './schools.service';
import { SchoolInput } from './dto/school.input';
import { badInput } from '../common/errors';

@Resolver(() => SchoolModel)
export class SchoolsResolver {
  constructor(private readonly schoolsService: SchoolsService) {}

  @Public()
  @Query(() => [SchoolModel], { description: 'Schools, searched by name, city or UAI, optionally in one department.' })
  async schools(
    @Args('search', { nullable: true, description: 'Words to look for in the name, city or UAI.' }) search?: string,
    @Args('department', { nullable: true, description: 'Department code, e.g. "13".' }) department?: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50, description: 'At most this many (1–200).' })
    first = 50,
  ): Promise<SchoolModel[]> {
    if (first < 1 || first > 200) throw badInput({ first: 'must be between 1 and 200' });
    if (search && search.length > 200) throw badInput({ search: 'must be at most 200 characters' });
    return (await this.schoolsService.search(search, department, first)).map(SchoolModel.from);
  }

  @Roles(Role.ORGANIZER)
  @Mutation(() => SchoolModel, { description: 'Adds a school (organizers).' })
  async createSchool(@Args('input', { description: 'The school.' }) input: SchoolInput): Promise<SchoolModel> {
    return SchoolModel.from(await this.schoolsService.create(input));
  }
}
