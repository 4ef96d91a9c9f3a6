import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProblemDocument } from '@pss/platform';
import { FlightSearchQuery } from './dto/flight-search.query';
import { FlightResponse } from './dto/flight.response';
import { FlightSearch } from './flight-search.service';

@ApiTags('flights')
@Controller('flights')
export class FlightsController {
  constructor(private readonly search: FlightSearch) {}

  @Get()
  @ApiOperation({ summary: 'Flights on a route and date with seats for every passenger, by departure' })
  @ApiOkResponse({ type: [FlightResponse], description: 'An unknown route or a closed origin: []' })
  @ApiBadRequestResponse({ type: ProblemDocument, description: 'Each malformed parameter named' })
  find(@Query() query: FlightSearchQuery): Promise<FlightResponse[]> {
    return this.search.find(query);
  }
}
