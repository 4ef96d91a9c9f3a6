import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DateRangeQuery, MAX_RANGE_DAYS, ProblemDocument } from '@pss/platform';
import { InventorySnapshotResponse } from './dto/inventory-snapshot.response';
import { SeatInventory } from './seat-inventory';

@ApiTags('inventories')
@Controller('inventories')
export class InventoryController {
  constructor(private readonly seats: SeatInventory) {}

  @Get('snapshot')
  @ApiOperation({
    summary: 'The seats for sale on every flight of a range of dates, with their versions',
    description: `For a follower of booking's inventory events that catches up: at most ${MAX_RANGE_DAYS} days a page.`,
  })
  @ApiOkResponse({ type: InventorySnapshotResponse })
  @ApiBadRequestResponse({
    type: ProblemDocument,
    description: 'A malformed date, or a range of the wrong size',
  })
  snapshot(@Query() range: DateRangeQuery): Promise<InventorySnapshotResponse> {
    return this.seats.onDates(range);
  }
}
