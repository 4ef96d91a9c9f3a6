import { Module } from '@nestjs/common';
import { GenerateScheduleCommand } from './generated/generate-schedule.command';
import { ScheduleSnapshotController } from './schedule-snapshot.controller';

/**
 * The schedule as search owns it, for the services that follow it and catch up; and a generated
 * network an operator can load (`node main.js schedule:generate`).
 */
@Module({ controllers: [ScheduleSnapshotController], providers: [GenerateScheduleCommand] })
export class ScheduleModule {}
