import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProblemDocument } from '@pss/platform';
import { UnconfirmedCheckinsQuery, UnconfirmedCheckinsResponse } from './dto/unconfirmed-checkins.dto';
import { UnconfirmedCheckins } from './unconfirmed-checkins';

@ApiTags('check-in agreements')
@Controller('check-in-agreements')
export class CheckinAgreementsController {
  constructor(private readonly unconfirmed: UnconfirmedCheckins) {}

  @Get('unconfirmed')
  @ApiOperation({
    summary:
      'Bookings CHECKED_IN for a check-in whose checkin.completed has not come for forMs (for the check-in service)',
  })
  @ApiOkResponse({ type: UnconfirmedCheckinsResponse })
  @ApiBadRequestResponse({
    type: ProblemDocument,
    description: 'forMs missing or not 0 to a day, or after not the next of a page',
  })
  list(@Query() { forMs, after }: UnconfirmedCheckinsQuery): Promise<UnconfirmedCheckinsResponse> {
    return this.unconfirmed.olderThan(forMs, after);
  }
}
