import { applyDecorators, Body, Controller, Get, HttpStatus, Param, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { MoneyInput } from '@pss/contracts';
import { DateRangeQuery, MAX_RANGE_DAYS, OperatorRoute, ProblemDocument } from '@pss/platform';
import { FareQuery } from './dto/fare-query.dto';
import { FareResponse } from './dto/fare.response';
import { FareSnapshotResponse } from './dto/fare-snapshot.response';
import { FareChange } from './fare-change.service';
import { FaresService } from './fares.service';

/** An operator may change a fare at any moment: a quote is not to be reused without asking again. */
export const FARE_QUOTE_CACHE_CONTROL = 'no-cache';

const FareResponses = () =>
  applyDecorators(
    ApiOkResponse({ type: FareResponse }),
    ApiBadRequestResponse({ type: ProblemDocument, description: 'Malformed flightNumber or flightDate' }),
    ApiNotFoundResponse({ type: ProblemDocument, description: 'No fare for that flight and date' }),
  );

@ApiTags('fares')
@Controller('fares')
export class FaresController {
  constructor(
    private readonly fares: FaresService,
    private readonly fareChange: FareChange,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The fare of a flight on a date' })
  @FareResponses()
  find(@Query() query: FareQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<FareResponse> {
    return this.quote(query, reply);
  }

  @Get('get')
  @ApiOperation({ summary: "The book's route for the same look-up (compatibility alias)" })
  @FareResponses()
  findByLegacyRoute(
    @Query() query: FareQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FareResponse> {
    return this.quote(query, reply);
  }

  @Get('snapshot')
  @ApiOperation({
    summary: 'Every fare of a range of dates, with its version',
    description: `For a follower of \`fare.changed\` that catches up: at most ${MAX_RANGE_DAYS} days a page.`,
  })
  @ApiOkResponse({ type: FareSnapshotResponse })
  @ApiBadRequestResponse({
    type: ProblemDocument,
    description: 'A malformed date, or a range of the wrong size',
  })
  snapshot(@Query() range: DateRangeQuery): Promise<FareSnapshotResponse> {
    return this.fares.onDates(range);
  }

  @Put(':flightNumber/:flightDate')
  @OperatorRoute()
  @ApiOperation({
    summary: 'Files the first fare of a scheduled flight on a date, or changes its fare',
    description: 'Publishes `fare.changed`; the same amount again changes nothing.',
  })
  @ApiCreatedResponse({ type: FareResponse, description: 'The first fare of that flight and date' })
  @ApiOkResponse({ type: FareResponse, description: 'Changed, or the same amount again' })
  @ApiBadRequestResponse({
    type: ProblemDocument,
    description: 'A malformed amount, or not the currency the flight is sold in',
  })
  @ApiNotFoundResponse({ type: ProblemDocument, description: 'The flight is not scheduled on that date' })
  async change(
    @Param() flight: FareQuery,
    @Body() fare: MoneyInput,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FareResponse> {
    const outcome = await this.fareChange.change(flight, fare);
    if (outcome.filed) reply.status(HttpStatus.CREATED);
    return outcome.fare;
  }

  private async quote(query: FareQuery, reply: FastifyReply): Promise<FareResponse> {
    const fare = await this.fares.find(query);
    reply.header('cache-control', FARE_QUOTE_CACHE_CONTROL);
    return fare;
  }
}
