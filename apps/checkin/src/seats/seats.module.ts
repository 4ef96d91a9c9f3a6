import { Module } from '@nestjs/common';
import { SeatMapController } from './seat-map.controller';
import { SeatMaps } from './seat-maps';

@Module({ controllers: [SeatMapController], providers: [SeatMaps], exports: [SeatMaps] })
export class SeatsModule {}
