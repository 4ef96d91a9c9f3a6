import { ApiProperty } from '@nestjs/swagger';
import type { UnconfirmedCheckinSummary, UnconfirmedCheckinsPage } from '@pss/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { PAGE_CURSOR } from '../unconfirmed-checkins';

const DAY_MS = 86_400_000;

/**
 * `GET /check-in-agreements/unconfirmed?forMs=30000[&after=…]`: how long an agreement has waited at
 * least, and after which page.
 */
export class UnconfirmedCheckinsQuery {
  @ApiProperty({ minimum: 0, maximum: DAY_MS, example: 30_000 })
  @Type(() => Number)
  @Max(DAY_MS, { message: `forMs must be at most ${DAY_MS} (a day)` })
  @Min(0, { message: 'forMs must be 0 or more' })
  @IsInt({ message: 'forMs must be a whole number of milliseconds' })
  forMs!: number;

  @ApiProperty({ required: false, description: 'The `next` of the previous page' })
  @IsOptional()
  @Matches(PAGE_CURSOR, { message: 'after must be the next of a previous page' })
  after?: string;
}

export class UnconfirmedCheckin implements UnconfirmedCheckinSummary {
  @ApiProperty({ format: 'uuid' })
  bookingId!: string;

  @ApiProperty({ format: 'uuid', description: 'The check-in booking agreed to' })
  checkinId!: string;

  @ApiProperty({ format: 'date-time' })
  unconfirmedSince!: string;
}

export class UnconfirmedCheckinsResponse implements UnconfirmedCheckinsPage {
  @ApiProperty({ type: [UnconfirmedCheckin], description: 'The oldest first, at most 100' })
  items!: UnconfirmedCheckin[];

  @ApiProperty({ required: false, description: 'Present when more may follow: `after` for the next page' })
  next?: string;
}
