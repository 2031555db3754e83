import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { SchoolsModule } from '../schools/schools.module';
import { AccountErasureHooks } from './account-erasure.hooks';
import { AccountsResolver } from './accounts.resolver';
import { AccountsService } from './accounts.service';
import { InvitationEntity } from './invitation.entity';
import { InvitationsService } from './invitations.service';
import { PersonalDataExportController } from './personal-data-export.controller';
import { PersonalDataExportService } from './personal-data-export.service';
import { UserDirectoryResolver } from './user-directory.resolver';
import { UserDirectoryService } from './user-directory.service';
import { UserFieldsResolver } from './user-fields.resolver';
import { UserEntity } from './user.entity';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, InvitationEntity]), AuthModule, SchoolsModule],
  controllers: [PersonalDataExportController],
  providers: [
    AccountsService,
    InvitationsService,
    PersonalDataExportService,
    AccountErasureHooks,
    AccountsResolver,
    UserFieldsResolver,
    UserDirectoryService,
    UserDirectoryResolver,
  ],
  exports: [AccountsService, AccountErasureHooks],
})
export class AccountsModule {}
