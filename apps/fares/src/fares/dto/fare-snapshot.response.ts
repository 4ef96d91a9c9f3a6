import { ApiProperty } from '@nestjs/swagger';
import type { FareState, Snapshot } from '@pss/contracts';
import { Money } from './fare.response';

export class VersionedFare implements FareState {
  @ApiProperty({ example: 'BF101' }) flightNumber!: string;
  @ApiProperty({ example: '2026-12-01', format: 'date' }) flightDate!: string;
  @ApiProperty({ type: Money }) fare!: Money;
  @ApiProperty({ example: 2, description: 'As `fare.changed` carries it: 0 as seeded, one more per change' })
  fareVersion!: number;
}

/** Every fare of the dates asked for: what a follower of `fare.changed` catches up from. */
export class FareSnapshotResponse implements Snapshot<FareState> {
  @ApiProperty({ example: '2026-12-01', format: 'date' }) from!: string;
  @ApiProperty({ example: '2026-12-31', format: 'date' }) to!: string;
  @ApiProperty({ type: [VersionedFare] }) items!: VersionedFare[];
}
