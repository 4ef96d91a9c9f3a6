import { Module } from '@nestjs/common';
import { BookingsModule } from '../bookings/bookings.module';
import { BookRoutesController } from './book-routes.controller';

@Module({ imports: [BookingsModule], controllers: [BookRoutesController] })
export class BookModule {}
