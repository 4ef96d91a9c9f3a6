import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProblemDocument } from '@pss/platform';
import { BookFlightResponse } from './dto/book-flight.response';
import { BookSearchRequest } from './dto/book-search.request';
import { FlightSearch } from './flight-search.service';

@ApiTags('flights')
@Controller('search')
export class BookSearchController {
  constructor(private readonly search: FlightSearch) {}

  @Post('get')
  @HttpCode(200)
  @ApiOperation({
    summary: "The book's search (compatibility alias of GET /flights), with its body and answer",
  })
  @ApiOkResponse({ type: [BookFlightResponse] })
  @ApiBadRequestResponse({ type: ProblemDocument })
  async find(@Body() request: BookSearchRequest): Promise<BookFlightResponse[]> {
    const flights = await this.search.find({ ...request, date: request.flightDate });
    return flights.map((flight) => BookFlightResponse.of(flight));
  }
}
