import { Controller, Get, Header, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AllowInactive, CurrentViewer } from '../auth/auth.decorators';
import { Viewer } from '../auth/viewer';
import { PersonalDataExportService } from './personal-data-export.service';

@Controller('api/me')
export class PersonalDataExportController {
  constructor(private readonly exporter: PersonalDataExportService) {}

  /** GET /api/me/export (bearer token): all personal data held on the caller, as a JSON download. */
  @AllowInactive()
  @Get('export')
  @Header('Cache-Control', 'no-store')
  async export(@CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) res: FastifyReply) {
    void res.header('Content-Disposition', 'attachment; filename="ensemble-mes-donnees.json"');
    return this.exporter.export(viewer.id!);
  }
}
