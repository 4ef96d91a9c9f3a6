import { Module } from '@nestjs/common';
import { FlightsModule } from '../flights/flights.module';
import { SearchCatchUp } from './search-catch-up';

@Module({ imports: [FlightsModule], providers: [SearchCatchUp] })
export class CatchUpModule {}
