import { Module } from '@nestjs/common';
import { ScheduleSnapshotController } from './schedule-snapshot.controller';

/** The schedule as search owns it, for the services that follow it and catch up. */
@Module({ controllers: [ScheduleSnapshotController] })
export class ScheduleModule {}
