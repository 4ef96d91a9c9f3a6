import { Module } from '@nestjs/common';
import { BookingDirectory } from '../booking/booking-directory';
import { CheckinsModule } from '../checkins/checkins.module';
import { LegacyRoutesController } from './legacy-routes.controller';

@Module({ imports: [CheckinsModule], controllers: [LegacyRoutesController], providers: [BookingDirectory] })
export class LegacyRoutesModule {}
