import { validateEnvironment } from '@pss/platform';
import { Expose } from 'class-transformer';
import { IsIn } from 'class-validator';

export const NEW_FLIGHT_TARIFFS = ['none', 'block-time'] as const;
export type NewFlightTariff = (typeof NEW_FLIGHT_TARIFFS)[number];

/** The variables fares reads besides the platform's. */
export class FaresEnvironment {
  /**
   * What a flight the book's tariff does not list costs when the schedule announces it: `none`
   * (it waits for an operator's first fare) or `block-time` (blockTimeFare: by its length and date).
   */
  @Expose() @IsIn(NEW_FLIGHT_TARIFFS) FARES_NEW_FLIGHT_TARIFF: NewFlightTariff = 'none';
}

export class FaresConfig {
  constructor(readonly newFlightTariff: NewFlightTariff) {}

  static fromEnvironment(env: Record<string, string | undefined> = process.env): FaresConfig {
    return new FaresConfig(validateEnvironment(FaresEnvironment, env).FARES_NEW_FLIGHT_TARIFF);
  }
}
