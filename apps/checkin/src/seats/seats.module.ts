import { Module } from '@nestjs/common';
import { ScheduleProjection } from './schedule.projection';
import { SeatMapController } from './seat-map.controller';
import { SeatMaps } from './seat-maps';

@Module({
  controllers: [SeatMapController],
  providers: [SeatMaps, ScheduleProjection],
  exports: [SeatMaps],
})
export class SeatsModule {}
