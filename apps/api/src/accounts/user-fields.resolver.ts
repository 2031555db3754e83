import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext, NoArgs } from '../graphql/gql-context';
import { SchoolModel } from '../schools/school.model';
import { SchoolsService } from '../schools/schools.service';
import { UserModel } from './user.model';

@Resolver(() => UserModel)
export class UserFieldsResolver {
  constructor(private readonly schools: SchoolsService) {}

  @ResolveField(() => SchoolModel, { nullable: true, description: 'The person’s school, if any.' })
  async school(user: UserModel, _args: NoArgs, ctx: GqlContext): Promise<SchoolModel | null> {
    if (!user.schoolId) return null;
    const school = await this.schools.loader(ctx.loaders).load(user.schoolId);
    return school ? SchoolModel.from(school) : null;
  }
}
