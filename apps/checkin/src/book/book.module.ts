import { Module } from '@nestjs/common';
import { BookingDirectory } from '../booking/booking-directory';
import { CheckinsModule } from '../checkins/checkins.module';
import { BookRoutesController } from './book-routes.controller';

@Module({ imports: [CheckinsModule], controllers: [BookRoutesController], providers: [BookingDirectory] })
export class BookModule {}
