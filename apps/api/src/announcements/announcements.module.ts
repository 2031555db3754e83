import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { AnnouncementEntity } from './announcement.entity';
import { AnnouncementFieldsResolver } from './announcement-fields.resolver';
import { AnnouncementsResolver } from './announcements.resolver';
import { AnnouncementsService } from './announcements.service';

@Module({
  imports: [TypeOrmModule.forFeature([AnnouncementEntity]), AccountsModule],
  providers: [AnnouncementsService, AnnouncementsResolver, AnnouncementFieldsResolver],
})
export class AnnouncementsModule {}
