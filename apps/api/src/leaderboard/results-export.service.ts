// The leaderboard as CSV rows: rank, team, school, category, track, score, evaluations.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Viewer } from '../auth/viewer';
import { toCsv } from './csv';
import { LeaderboardService } from './leaderboard.service';
import { BoardFilter } from './leaderboard.types';

export const CSV_HEADER = [
  'rank',
  'team',
  'school',
  'category',
  'track',
  'score',
  'evaluations',
] as const;

@Injectable()
export class ResultsExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly leaderboard: LeaderboardService,
  ) {}

  async csv(
    viewer: Viewer,
    hackathonId: string,
    filter: BoardFilter,
  ): Promise<{ filename: string; csv: string }> {
    const h = await this.leaderboard.readable(viewer, hackathonId);
    const board = await this.leaderboard.board(h, filter);
    const schoolIds = [...new Set(board.entries.map((e) => e.schoolId))];
    const trackIds = [...new Set(board.entries.map((e) => e.trackId))];
    const [schools, tracks]: { id: string; name: string }[][] = await Promise.all([
      this.dataSource.query(`SELECT id, name FROM schools WHERE id = ANY($1::uuid[])`, [schoolIds]),
      this.dataSource.query(`SELECT id, name FROM tracks WHERE id = ANY($1::uuid[])`, [trackIds]),
    ]);
    const schoolName = new Map(schools.map((s) => [s.id, s.name]));
    const trackName = new Map(tracks.map((t) => [t.id, t.name]));
    const rows = board.entries.map((e) => [
      e.rank,
      e.name,
      schoolName.get(e.schoolId) ?? '',
      e.category,
      trackName.get(e.trackId) ?? '',
      e.score,
      e.evaluations,
    ]);
    const suffix = filter.method === 'Z_SCORE' ? '-zscore' : '';
    return { filename: `resultats-${h.slug}${suffix}.csv`, csv: toCsv(CSV_HEADER, rows) };
  }
}
