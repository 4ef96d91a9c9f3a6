import { applyDecorators } from '@nestjs/common';
import { IsDefined, IsISO8601, Matches, ValidateBy, type ValidationOptions } from 'class-validator';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today's date in UTC, as YYYY-MM-DD. */
export const todayUtc = (now = new Date()): string => now.toISOString().slice(0, 10);

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

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const BOOK_DATE = /^(\d{2})-([A-Z]{3})-(\d{2})$/;

/** The book's dates (`22-JAN-16`) as YYYY-MM-DD; anything else is left for validation to judge. */
export function fromBookDate(value: unknown): unknown {
  const match = typeof value === 'string' ? BOOK_DATE.exec(value.toUpperCase()) : null;
  const month = match ? MONTHS.indexOf(match[2]) + 1 : 0;
  if (!match || month === 0) return value;
  return `20${match[3]}-${String(month).padStart(2, '0')}-${match[1]}`;
}
