import { Module } from '@nestjs/common';
import { ScheduleProjection } from './schedule.projection';

@Module({ providers: [ScheduleProjection] })
export class ScheduleModule {}
