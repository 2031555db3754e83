import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountErasureHooks } from '../accounts/account-erasure.hooks';
import { AccountsModule } from '../accounts/accounts.module';
import { HackathonEntity } from '../hackathons/hackathon.entity';
import { TrackEntity } from '../hackathons/track.entity';
import { SchoolsModule } from '../schools/schools.module';
import { TeamAccessPolicy } from './team-access.policy';
import { TeamFieldsResolver, TeamMemberFieldsResolver } from './team-fields.resolver';
import { TeamMemberEntity } from './team-member.entity';
import { TeamEntity } from './team.entity';
import { TeamLoaders } from './team.loaders';
import { TeamsQueryService } from './teams-query.service';
import { TeamsResolver } from './teams.resolver';
import { TeamsService } from './teams.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([TeamEntity, TeamMemberEntity, HackathonEntity, TrackEntity]),
    AccountsModule,
    SchoolsModule,
  ],
  providers: [
    TeamLoaders,
    TeamAccessPolicy,
    TeamsService,
    TeamsQueryService,
    TeamsResolver,
    TeamFieldsResolver,
    TeamMemberFieldsResolver,
  ],
  exports: [TeamAccessPolicy, TeamLoaders, TeamsQueryService],
})
export class TeamsModule implements OnModuleInit {
  constructor(
    private readonly erasure: AccountErasureHooks,
    private readonly teams: TeamsService,
  ) {}

  /** A deleted pupil leaves their teams in any phase, inside deleteMyAccount's transaction. */
  onModuleInit(): void {
    this.erasure.register((m, user) => this.teams.leaveAllTeams(m, user));
  }
}
