import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { loadRetentionConfig, RETENTION_CONFIG } from './retention.config';
import { RetentionService } from './retention.service';

@Module({
  imports: [AuthModule, AuditModule],
  providers: [
    { provide: RETENTION_CONFIG, useFactory: () => loadRetentionConfig() },
    RetentionService,
  ],
  exports: [RetentionService],
})
export class PrivacyModule {}
