import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';
import { IsIsoDate } from './dates';

/** The most days one snapshot page may span, so that an answer stays a few megabytes at most. */
export const MAX_RANGE_DAYS = 31;

const DAY_MS = 86_400_000;

const isRealDate = (value: unknown): value is string =>
  typeof value === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test(value) &&
  !Number.isNaN(Date.parse(value)) &&
  new Date(value).toISOString().slice(0, 10) === value;

/** Days from `from` to `to`, both included (0 or less when `to` is before `from`). */
export const daysInRange = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;

/**
 * `?from=YYYY-MM-DD&to=YYYY-MM-DD`, both included, at most MAX_RANGE_DAYS days: the page a
 * snapshot route answers (a read model catching up asks for one page after another).
 */
export class DateRangeQuery {
  @ApiProperty({ example: '2026-12-01', format: 'date' })
  @IsIsoDate('from')
  from!: string;

  @ApiProperty({ example: '2026-12-31', format: 'date' })
  @ValidateBy(
    {
      name: 'isRangeEnd',
      validator: {
        validate: (to: unknown, args) => {
          const from = (args?.object as DateRangeQuery | undefined)?.from;
          // A wrong `from` is reported on its own.
          if (!isRealDate(from) || !isRealDate(to)) return true;
          const days = daysInRange(from, to);
          return days >= 1 && days <= MAX_RANGE_DAYS;
        },
      },
    },
    { message: `to must be on or after from, and at most ${MAX_RANGE_DAYS} days from it` },
  )
  @IsIsoDate('to')
  to!: string;
}
