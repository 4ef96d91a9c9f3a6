import { Module } from '@nestjs/common';
import { FlightsModule } from '../flights/flights.module';
import { CatchUp } from './catch-up.service';

@Module({ imports: [FlightsModule], providers: [CatchUp] })
export class CatchUpModule {}
