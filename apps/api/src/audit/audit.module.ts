import { Global, Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';

// Global: every feature records its changes through AuditService inside its own transactions.
@Global()
@Module({
  imports: [AccountsModule],
  providers: [AuditService, AuditResolver],
  exports: [AuditService],
})
export class AuditModule {}
