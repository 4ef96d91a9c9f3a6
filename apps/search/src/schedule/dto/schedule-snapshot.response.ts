import { ApiProperty } from '@nestjs/swagger';
import type { ScheduledFlightState, Snapshot, SnapshotDates } from '@pss/contracts';

export class VersionedScheduledFlight implements ScheduledFlightState {
  @ApiProperty({ example: 'BF101' }) flightNumber!: string;
  @ApiProperty({ example: '2026-12-01', format: 'date' }) flightDate!: string;
  @ApiProperty({ example: 'NYC' }) origin!: string;
  @ApiProperty({ example: 'SFO' }) destination!: string;
  @ApiProperty({ example: '2026-12-01T08:00:00.000Z', format: 'date-time' }) departsAt!: string;
  @ApiProperty({ example: '2026-12-01T14:10:00.000Z', format: 'date-time' }) arrivesAt!: string;
  @ApiProperty({ example: 100, description: 'Seats on the aircraft' }) capacity!: number;
  @ApiProperty({
    example: 1,
    description: 'As the schedule events carry it: 1 when scheduled, one more per change',
  })
  scheduleVersion!: number;
}

/** Every flight scheduled on the dates asked for: what a follower of the schedule's events catches up from. */
export class ScheduleSnapshotResponse implements Snapshot<ScheduledFlightState> {
  @ApiProperty({ example: '2026-12-01', format: 'date' }) from!: string;
  @ApiProperty({ example: '2026-12-31', format: 'date' }) to!: string;
  @ApiProperty({ type: [VersionedScheduledFlight] }) items!: VersionedScheduledFlight[];
}

export class ScheduleDatesResponse implements SnapshotDates {
  @ApiProperty({ example: '2026-12-01', format: 'date', nullable: true, type: String })
  first!: string | null;
  @ApiProperty({ example: '2027-01-30', format: 'date', nullable: true, type: String })
  last!: string | null;
}
