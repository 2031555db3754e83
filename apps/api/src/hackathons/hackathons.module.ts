import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CriterionEntity } from './criterion.entity';
import { HackathonFieldsResolver } from './hackathon-fields.resolver';
import { HackathonEntity } from './hackathon.entity';
import { HackathonsResolver } from './hackathons.resolver';
import { HackathonsService } from './hackathons.service';
import { PhaseChangeHooks } from './phase-change.hooks';
import { TrackEntity } from './track.entity';
import { TracksAndCriteriaService } from './tracks-and-criteria.service';

// Global: teams, submissions, jury and leaderboard all read hackathons, and the leaderboard
// registers a PhaseChangeHook; no feature needs to import this module (no import cycles).
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([HackathonEntity, TrackEntity, CriterionEntity])],
  providers: [
    HackathonsService,
    TracksAndCriteriaService,
    PhaseChangeHooks,
    HackathonsResolver,
    HackathonFieldsResolver,
  ],
  exports: [HackathonsService, TracksAndCriteriaService, PhaseChangeHooks],
})
export class HackathonsModule {}
