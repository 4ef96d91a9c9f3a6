import { applyDecorators, Controller, Get, Query } from '@nestjs/common';
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
  find(@Query() query: FareQuery): Promise<FareResponse> {
    return this.fares.find(query);
  }

  @Get('get')
  @ApiOperation({ summary: "The book's route for the same look-up (compatibility alias)" })
  @FareResponses()
  findByBookRoute(@Query() query: FareQuery): Promise<FareResponse> {
    return this.fares.find(query);
  }
}
