import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import { SearchConfig } from '../config/search-config';
import { AIRPORT_CODE } from '@pss/contracts';

const POLL_MS = 1_000;

/**
 * The origin airports from which nothing is sold (the book's shut-down airports): read from
 * CLOSED_ORIGINS_FILE (codes separated by commas or white space, `#` starts a comment) and read
 * again within a second of every change, without a restart. A search from a closed airport finds
 * no flights.
 */
@Injectable()
export class ClosedOrigins implements OnApplicationShutdown {
  private readonly logger = new Logger(ClosedOrigins.name);
  private closed = new Set<string>();

  constructor(private readonly config: SearchConfig) {
    const file = config.closedOriginsFile;
    if (!file) return;
    this.load(file);
    watchFile(file, { interval: POLL_MS }, () => this.load(file));
  }

  has(origin: string): boolean {
    return this.closed.has(origin);
  }

  onApplicationShutdown(): void {
    if (this.config.closedOriginsFile) unwatchFile(this.config.closedOriginsFile);
  }

  private load(file: string): void {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      this.logger.warn(`cannot read ${file}, no origin is closed: ${(error as Error).message}`);
    }
    const codes = text
      .split('\n')
      .map((line) => line.replace(/#.*/, ''))
      .flatMap((line) => line.split(/[\s,]+/))
      .filter(Boolean);
    const invalid = codes.filter((code) => !AIRPORT_CODE.test(code));
    if (invalid.length > 0) this.logger.warn(`ignored in ${file}, not airport codes: ${invalid.join(', ')}`);
    this.closed = new Set(codes.filter((code) => AIRPORT_CODE.test(code)));
    this.logger.log(`closed origins: ${[...this.closed].join(', ') || 'none'}`);
  }
}
