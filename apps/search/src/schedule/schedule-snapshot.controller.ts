import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DateRangeQuery, MAX_RANGE_DAYS, ProblemDocument } from '@pss/platform';
import { DataSource } from 'typeorm';
import { ScheduleDatesResponse, ScheduleSnapshotResponse } from './dto/schedule-snapshot.response';
import { SCHEDULE_COLUMNS, scheduledFlightOf, type ScheduleRow } from './schedule-events';

@ApiTags('schedule')
@Controller('schedule')
export class ScheduleSnapshotController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('dates')
  @ApiOperation({ summary: 'The first and last dates with a scheduled flight' })
  @ApiOkResponse({ type: ScheduleDatesResponse })
  async dates(): Promise<ScheduleDatesResponse> {
    const [dates] = (await this.dataSource.query(
      'SELECT min(flight_date)::text AS first, max(flight_date)::text AS last FROM flights',
    )) as ScheduleDatesResponse[];
    return dates;
  }

  @Get('snapshot')
  @ApiOperation({
    summary: 'Every flight scheduled on a range of dates, with its version',
    description: `For a follower of the schedule's events that catches up: at most ${MAX_RANGE_DAYS} days a page.`,
  })
  @ApiOkResponse({ type: ScheduleSnapshotResponse })
  @ApiBadRequestResponse({
    type: ProblemDocument,
    description: 'A malformed date, or a range of the wrong size',
  })
  async snapshot(@Query() { from, to }: DateRangeQuery): Promise<ScheduleSnapshotResponse> {
    const rows = (await this.dataSource.query(
      `SELECT ${SCHEDULE_COLUMNS} FROM flights WHERE flight_date BETWEEN $1 AND $2
        ORDER BY flight_date, flight_number`,
      [from, to],
    )) as ScheduleRow[];
    return { from, to, items: rows.map(scheduledFlightOf) };
  }
}
