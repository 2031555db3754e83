// Per-juror spread of the weighted scores of a hackathon, computed by PostgreSQL in one query.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '../common/errors';
import { HackathonEntity } from '../hackathons/hackathon.entity';
import { JurorScoreDistributionModel } from './juror-score-distribution.model';

interface Row {
  juror_id: string;
  count: number;
  pending: number;
  mean: number | null;
  stddev: number | null;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
  scores: number[];
}

@Injectable()
export class ScoreDistributionService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Every juror holding a live (not recused) assignment in the hackathon, with the figures of
   * their DONE evaluations — the same evaluations the ranking counts. Ordered by juror name.
   */
  async byJuror(hackathonId: string): Promise<JurorScoreDistributionModel[]> {
    if (!(await this.dataSource.getRepository(HackathonEntity).existsBy({ id: hackathonId })))
      throw notFound('Hackathon');
    const rows: Row[] = await this.dataSource.query(
      `SELECT a.juror_id,
              count(e.id)::int AS count,
              (count(*) FILTER (WHERE a.status = 'PENDING'))::int AS pending,
              avg(e.weighted_score) AS mean,
              stddev_pop(e.weighted_score) AS stddev,
              min(e.weighted_score) AS min,
              percentile_cont(0.25) WITHIN GROUP (ORDER BY e.weighted_score) AS q1,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY e.weighted_score) AS median,
              percentile_cont(0.75) WITHIN GROUP (ORDER BY e.weighted_score) AS q3,
              max(e.weighted_score) AS max,
              coalesce(array_agg(e.weighted_score ORDER BY e.weighted_score)
                         FILTER (WHERE e.id IS NOT NULL), '{}') AS scores
         FROM jury_assignments a
         JOIN users u ON u.id = a.juror_id
         LEFT JOIN (SELECT id, assignment_id, weighted_score::float8 AS weighted_score FROM evaluations) e
           ON e.assignment_id = a.id AND a.status = 'DONE'
        WHERE a.hackathon_id = $1 AND a.status <> 'RECUSED'
        GROUP BY a.juror_id, u.last_name, u.first_name
        ORDER BY lower(coalesce(u.last_name, '')), lower(coalesce(u.first_name, '')), a.juror_id`,
      [hackathonId],
    );
    return rows.map((r) =>
      Object.assign(new JurorScoreDistributionModel(), {
        jurorId: r.juror_id,
        count: r.count,
        pending: r.pending,
        mean: r.mean,
        stddev: r.stddev,
        min: r.min,
        q1: r.q1,
        median: r.median,
        q3: r.q3,
        max: r.max,
        scores: r.scores,
      }),
    );
  }
}
