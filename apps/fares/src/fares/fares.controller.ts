import { applyDecorators, Controller, Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ProblemDocument } from '@pss/platform';
import { FareQuery } from './dto/fare-query.dto';
import { FareResponse } from './dto/fare.response';
import { FaresService } from './fares.service';

/**
 * How long a quote stands: a fare changes only with a release of this service, so a caller (booking)
 * may reuse a quote this long. Only a found fare carries it: a 404 or a 503 is not to be reused.
 */
export const FARE_QUOTE_CACHE_CONTROL = 'public, max-age=60';

const FareResponses = () =>
  applyDecorators(
    ApiOkResponse({ type: FareResponse }),
    ApiBadRequestResponse({ type: ProblemDocument, description: 'Malformed flightNumber or flightDate' }),
    ApiNotFoundResponse({ type: ProblemDocument, description: 'No fare for that flight and date' }),
  );

@ApiTags('fares')
@Controller('fares')
export class FaresController {
  constructor(private readonly fares: FaresService) {}

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

  private async quote(query: FareQuery, reply: FastifyReply): Promise<FareResponse> {
    const fare = await this.fares.find(query);
    reply.header('cache-control', FARE_QUOTE_CACHE_CONTROL);
    return fare;
  }
}
