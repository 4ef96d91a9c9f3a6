import { ApiProperty } from '@nestjs/swagger';
import type { InventoryState, Snapshot } from '@pss/contracts';

export class VersionedInventory implements InventoryState {
  @ApiProperty({ example: 'BF101' }) flightNumber!: string;
  @ApiProperty({ example: '2026-12-01', format: 'date' }) flightDate!: string;
  @ApiProperty({ example: 93, description: 'Seats still for sale' }) remainingSeats!: number;
  @ApiProperty({
    example: 1,
    description: 'As the inventory events carry it: 0 before any booking, one more per change',
  })
  inventoryVersion!: number;
}

/** The seats of every flight on the dates asked for: what a follower of booking's events catches up from. */
export class InventorySnapshotResponse implements Snapshot<InventoryState> {
  @ApiProperty({ example: '2026-12-01', format: 'date' }) from!: string;
  @ApiProperty({ example: '2026-12-31', format: 'date' }) to!: string;
  @ApiProperty({ type: [VersionedInventory] }) items!: VersionedInventory[];
}
