import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProblemDocument } from '@pss/platform';
import { LegacyFlightResponse } from './dto/legacy-flight.response';
import { LegacySearchRequest } from './dto/legacy-search.request';
import { FlightSearch } from './flight-search.service';

@ApiTags('flights')
@Controller('search')
export class LegacySearchController {
  constructor(private readonly search: FlightSearch) {}

  @Post('get')
  @HttpCode(200)
  @ApiOperation({
    summary: "The book's search (compatibility alias of GET /flights), with its body and answer",
  })
  @ApiOkResponse({ type: [LegacyFlightResponse] })
  @ApiBadRequestResponse({ type: ProblemDocument })
  async find(@Body() request: LegacySearchRequest): Promise<LegacyFlightResponse[]> {
    const flights = await this.search.find({ ...request, date: request.flightDate });
    return flights.map((flight) => LegacyFlightResponse.of(flight));
  }
}
