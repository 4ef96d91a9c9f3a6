import { Module } from '@nestjs/common';
import { FaresConfig } from '../config/fares-config';
import { ScheduleProjection } from '../schedule/schedule.projection';
import { FareChange } from './fare-change.service';
import { FaresController } from './fares.controller';
import { FaresService } from './fares.service';

@Module({
  controllers: [FaresController],
  providers: [
    FaresService,
    FareChange,
    ScheduleProjection,
    { provide: FaresConfig, useFactory: () => FaresConfig.fromEnvironment() },
  ],
})
export class FaresModule {}
