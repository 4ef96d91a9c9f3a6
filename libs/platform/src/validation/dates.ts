import { applyDecorators } from '@nestjs/common';
import { IsDefined, IsISO8601, Matches, ValidateBy, type ValidationOptions } from 'class-validator';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today's date in UTC, as YYYY-MM-DD. */
export const todayUtc = (now = new Date()): string => now.toISOString().slice(0, 10);

/** The date `days` after `date` (both YYYY-MM-DD, UTC; `days` may be negative). */
export const addDays = (date: string, days: number): string => {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
};

/**
 * A required calendar date written YYYY-MM-DD. With the validation pipe's stopAtFirstError, the
 * first failing rule names the problem: missing, not YYYY-MM-DD, or no such day (rules registered
 * first are checked first).
 */
export function IsIsoDate(field: string): PropertyDecorator {
  return applyDecorators(
    IsDefined({ message: `${field} is required` }),
    Matches(ISO_DATE, { message: `${field} must be a date as YYYY-MM-DD` }),
    IsISO8601({ strict: true }, { message: `${field} must be a real calendar date` }),
  );
}

/** A YYYY-MM-DD date that is today (UTC) or later. Put it above IsIsoDate. */
export function IsTodayOrLater(field: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTodayOrLater',
      validator: { validate: (value: unknown) => typeof value === 'string' && value >= todayUtc() },
    },
    { message: `${field} must not be in the past`, ...options },
  );
}
