import { validateEnvironment } from '@pss/platform';
import { Expose, Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** The variables check-in reads besides the platform's. */
export class CheckinEnvironment {
  /** Check-in opens this many days (UTC) before the flight's date and closes after it. */
  @Expose() @Type(() => Number) @Max(30) @Min(0) @IsInt() CHECKIN_OPENS_DAYS_BEFORE = 1;
}

export class CheckinConfig {
  constructor(readonly opensDaysBefore: number) {}

  static fromEnvironment(env: Record<string, string | undefined> = process.env): CheckinConfig {
    return new CheckinConfig(validateEnvironment(CheckinEnvironment, env).CHECKIN_OPENS_DAYS_BEFORE);
  }
}
