import { validateEnvironment } from '@pss/platform';
import { Expose, Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** The variables check-in reads besides the platform's. */
export class CheckinEnvironment {
  /** Check-in opens this many days (UTC) before the flight's date and closes after it. */
  @Expose() @Type(() => Number) @Max(30) @Min(0) @IsInt() CHECKIN_OPENS_DAYS_BEFORE = 1;
  /**
   * How long an agreement booking may hold with no check-in to show for it (booking's answer never
   * came) stays as it is before check-in takes it back: longer than booking could take to apply a
   * request check-in stopped waiting for, so that it is not applied after being taken back.
   */
  @Expose() @Type(() => Number) @Min(100) @IsInt() SETTLE_AGREEMENTS_AFTER_MS = 30_000;
}

export class CheckinConfig {
  constructor(
    readonly opensDaysBefore: number,
    readonly settleAgreementsAfterMs: number,
  ) {}

  static fromEnvironment(env: Record<string, string | undefined> = process.env): CheckinConfig {
    const vars = validateEnvironment(CheckinEnvironment, env);
    return new CheckinConfig(vars.CHECKIN_OPENS_DAYS_BEFORE, vars.SETTLE_AGREEMENTS_AFTER_MS);
  }
}
