import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { LookupRateLimited, ProblemDocument } from '@pss/platform';
import { IsUUID } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CreateCheckin } from './create-checkin.service';
import { CheckinReader } from './checkin-reader';
import { CheckinResponse } from './dto/checkin.response';
import { CreateCheckinRequest } from './dto/create-checkin.request';

export class CheckinIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a check-in id (a UUID)' })
  id!: string;
}

/** A check-in that names its booking by reference and last name: a look-up one could guess at. */
const byReference = (request: FastifyRequest) =>
  typeof request.body === 'object' && request.body !== null && 'reference' in request.body;

@ApiTags('checkins')
@Controller('checkins')
export class CheckinsController {
  constructor(
    private readonly createCheckin: CreateCheckin,
    private readonly reader: CheckinReader,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Checks a booking in: a seat and a boarding pass per passenger' })
  @ApiCreatedResponse({ type: CheckinResponse, description: 'Checked in' })
  @ApiOkResponse({ type: CheckinResponse, description: 'Checked in before: that check-in' })
  @ApiBadRequestResponse({ type: ProblemDocument })
  @ApiNotFoundResponse({ type: ProblemDocument, description: 'No such booking' })
  @ApiConflictResponse({
    type: ProblemDocument,
    description: 'Cancelled (booking refused the check-in), not open, or a wanted seat taken',
  })
  @ApiServiceUnavailableResponse({
    type: ProblemDocument,
    description: 'The booking service cannot be reached; nothing was written',
  })
  @ApiTooManyRequestsResponse({ type: ProblemDocument, description: 'Too many look-ups by reference' })
  @LookupRateLimited(byReference)
  async create(
    @Body() request: CreateCheckinRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CheckinResponse> {
    const { checkin, created } = await this.createCheckin.createCheckin(request);
    reply.status(created ? 201 : 200).header('Location', `/checkins/${checkin.id}`);
    return checkin;
  }

  @Get(':id')
  @ApiOkResponse({ type: CheckinResponse })
  @ApiNotFoundResponse({ type: ProblemDocument })
  get(@Param() { id }: CheckinIdParams): Promise<CheckinResponse> {
    return this.reader.byId(id);
  }
}
