import { Module } from '@nestjs/common';
import { BookingsModule } from '../bookings/bookings.module';
import { LegacyRoutesController } from './legacy-routes.controller';

@Module({ imports: [BookingsModule], controllers: [LegacyRoutesController] })
export class LegacyRoutesModule {}
