import { validateEnvironment } from '@pss/platform';
import { Expose, Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';

/** The variables booking reads besides the platform's. */
export class BookingEnvironment {
  /** Seats kept back from sale on every flight (the book's rule: 5). */
  @Expose() @Type(() => Number) @Min(0) @IsInt() BOOKING_SAFETY_BUFFER = 5;
}

export class BookingConfig {
  constructor(readonly safetyBuffer: number) {}

  static fromEnvironment(env: Record<string, string | undefined> = process.env): BookingConfig {
    return new BookingConfig(validateEnvironment(BookingEnvironment, env).BOOKING_SAFETY_BUFFER);
  }
}
