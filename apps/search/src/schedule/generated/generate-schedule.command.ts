import { Injectable } from '@nestjs/common';
import { MAX_BULK_ITEMS } from '@pss/contracts';
import { addDays, ServiceCommand } from '@pss/platform';
import { DataSource } from 'typeorm';
import { scheduleDaily } from '../daily-flights';
import { announceScheduleByDay } from '../schedule-events';
import { parseGenerateOptions } from './generate-options';
import { generateNetwork } from './generated-network';

// Flight-dates per transaction (of one date: announced in one event).
const FLIGHTS_PER_TRANSACTION = MAX_BULK_ITEMS;

/**
 * `node main.js schedule:generate [--flights-per-day N] [--days N] [--airports N] [--seed N]
 * [--from YYYY-MM-DD]`: schedules a generated hub-and-spoke network (generateNetwork) on every day
 * asked for, announcing each day's new flights in one `flight.bulk-scheduled` (a bulk load: a
 * message a day, not one a flight): fares, booking and check-in follow from the events alone. Run
 * again, it adds only what is missing.
 */
@Injectable()
export class GenerateScheduleCommand extends ServiceCommand {
  readonly name = 'schedule:generate';

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async run(args: string[]): Promise<string> {
    const options = parseGenerateOptions(args);
    const network = generateNetwork(options);
    let scheduled = 0;
    for (let day = 0; day < options.days; day++) {
      const date = addDays(options.from, day);
      for (let first = 0; first < network.length; first += FLIGHTS_PER_TRANSACTION) {
        const chunk = network.slice(first, first + FLIGHTS_PER_TRANSACTION);
        scheduled += await this.dataSource.transaction((manager) =>
          scheduleDaily(manager, chunk, date, date, announceScheduleByDay),
        );
      }
    }
    return (
      `scheduled ${scheduled} new flight-dates: ${network.length} flights a day between ` +
      `${options.airports} airports, ${options.from} to ${addDays(options.from, options.days - 1)} (seed ${options.seed})`
    );
  }
}
