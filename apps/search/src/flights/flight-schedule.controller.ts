import { Body, Controller, HttpStatus, Param, Put, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { OperatorRoute, ProblemDocument } from '@pss/platform';
import type { FastifyReply } from 'fastify';
import { ScheduledFlightResponse } from './dto/scheduled-flight.response';
import { ScheduledFlightParams, ScheduledFlightRequest } from './dto/scheduled-flight.request';
import { FlightSchedule } from './flight-schedule.service';

@ApiTags('flights')
@Controller('flights')
export class FlightScheduleController {
  constructor(private readonly schedule: FlightSchedule) {}

  @Put(':flightNumber/:date')
  @OperatorRoute()
  @ApiOperation({ summary: 'Adds a flight to what search offers, or corrects one' })
  @ApiCreatedResponse({ type: ScheduledFlightResponse, description: 'Added' })
  @ApiOkResponse({ type: ScheduledFlightResponse, description: 'Corrected' })
  @ApiBadRequestResponse({ type: ProblemDocument })
  async put(
    @Param() params: ScheduledFlightParams,
    @Body() body: ScheduledFlightRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ScheduledFlightResponse> {
    const { created, flight } = await this.schedule.put(params, body);
    reply.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return flight;
  }
}
