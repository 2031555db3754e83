// GET /api/hackathons/:id/results.csv (organizers, bearer token): the board as a spreadsheet.
import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CurrentViewer, Roles } from '../auth/auth.decorators';
import { Viewer } from '../auth/viewer';
import { badInput } from '../common/errors';
import { UuidPipe } from '../common/id-arg';
import { RankingMethod, Role, SchoolLevel } from '../graphql/enums';
import { ResultsExportService } from './results-export.service';

const oneOf = <T extends string>(
  name: string,
  value: string | undefined,
  allowed: Record<string, T>,
): T | null => {
  if (value === undefined || value === '') return null;
  if (!(Object.values(allowed) as string[]).includes(value)) {
    throw badInput({ [name]: `must be one of ${Object.values(allowed).join(', ')}` });
  }
  return value as T;
};

@Controller('api/hackathons')
export class ResultsCsvController {
  constructor(private readonly exporter: ResultsExportService) {}

  /** Optional query parameters: method (MEAN by default), category, trackId — as the leaderboard query. */
  @Roles(Role.ORGANIZER)
  @Get(':id/results.csv')
  @Header('Cache-Control', 'no-store')
  async results(
    @CurrentViewer() viewer: Viewer,
    @Param('id', new UuidPipe('id')) id: string,
    @Query('method') method: string | undefined,
    @Query('category') category: string | undefined,
    @Query('trackId', new UuidPipe('trackId', true)) trackId: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<string> {
    const { filename, csv } = await this.exporter.csv(viewer, id, {
      method: oneOf('method', method, RankingMethod) ?? RankingMethod.MEAN,
      category: oneOf('category', category, SchoolLevel),
      trackId: trackId ?? null,
    });
    void res.header('Content-Type', 'text/csv; charset=utf-8');
    void res.header('Content-Disposition', `attachment; filename="${filename}"`);
    return csv;
  }
}
