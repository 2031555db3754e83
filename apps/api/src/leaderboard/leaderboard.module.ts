import { Module, OnModuleInit } from '@nestjs/common';
import { AfterCommit } from '../database/after-commit';
import { HackathonPhase } from '../graphql/enums';
import { PhaseChangeHooks } from '../hackathons/phase-change.hooks';
import { TeamsModule } from '../teams/teams.module';
import { LeaderboardDataService } from './leaderboard-data.service';
import { LeaderboardEvents } from './leaderboard-events.service';
import { LeaderboardLiveService } from './leaderboard-live.service';
import { LeaderboardStatsService } from './leaderboard-stats.service';
import { LeaderboardResolver } from './leaderboard.resolver';
import { LeaderboardService } from './leaderboard.service';
import { ProjectGalleryResolver } from './project-gallery.resolver';
import { ResultsCsvController } from './results-csv.controller';
import { ResultsExportService } from './results-export.service';

@Module({
  imports: [TeamsModule],
  controllers: [ResultsCsvController],
  providers: [
    AfterCommit,
    LeaderboardDataService,
    LeaderboardStatsService,
    LeaderboardService,
    LeaderboardEvents,
    LeaderboardLiveService,
    ResultsExportService,
    LeaderboardResolver,
    ProjectGalleryResolver,
  ],
  exports: [LeaderboardStatsService, LeaderboardEvents, LeaderboardService],
})
export class LeaderboardModule implements OnModuleInit {
  constructor(
    private readonly hooks: PhaseChangeHooks,
    private readonly leaderboard: LeaderboardService,
    private readonly events: LeaderboardEvents,
    private readonly afterCommit: AfterCommit,
  ) {}

  /**
   * setPhase → RESULTS freezes the board exactly like publishResults; RESULTS → JUDGING
   * unfreezes it. Both run inside setPhase's transaction; the change is broadcast once it has
   * committed (live boards are recomputed as soon as the broadcast arrives).
   */
  onModuleInit(): void {
    this.hooks.register(async (m, h, from, to, actorId) => {
      if (to === HackathonPhase.RESULTS) await this.leaderboard.freezeIn(m, h.id, actorId);
      else if (from === HackathonPhase.RESULTS && to === HackathonPhase.JUDGING)
        await this.leaderboard.unfreezeIn(m, h.id, actorId);
      else return;
      this.afterCommit.run(m, () => void this.events.changed(h.id));
    });
  }
}
