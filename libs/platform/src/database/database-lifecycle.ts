import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { TypeOrmHealthIndicator } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { ServiceConfig } from '../config/service-config';
import { ReadinessService } from '../health/readiness.service';
import { PLATFORM_OPTIONS, type PlatformOptions } from '../platform-options';
import { migrateAndSeed } from './migrate';

/** Migrates and seeds at start (unless MIGRATE_ON_START=false) and makes readiness ping the database. */
@Injectable()
export class DatabaseLifecycle implements OnModuleInit {
  private readonly logger = new Logger('Database');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: ServiceConfig,
    private readonly readiness: ReadinessService,
    private readonly typeOrmHealth: TypeOrmHealthIndicator,
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    this.readiness.addCheck('database', () => this.typeOrmHealth.pingCheck('database', { timeout: 1_500 }));
    if (this.config.database?.migrateOnStart) await this.migrate();
  }

  async migrate(): Promise<void> {
    const applied = await migrateAndSeed(this.dataSource, this.options.database?.seed);
    this.logger.log({ applied }, `database migrated (${applied.length} applied) and seeded`);
  }
}
