// The floor of a NestJS service: NestJS on express, a validated query DTO, one route that reads
// the database, and nothing else (no logging, metrics, health, OpenAPI or discovery).
//   node floor/nest.js typeorm   through TypeORM with pg, the stack every PSS service is built on
//   node floor/nest.js pg        through pg alone
// Plain JavaScript, decorators applied by hand, so that no compiler hook sits in the measured process.
require('reflect-metadata');
const { Controller, Get, Module, Query, ValidationPipe } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const { IsString } = require('class-validator');

const SQL = 'SELECT $1::text AS "flightNumber"';
const dataLayers = {
  typeorm() {
    const { TypeOrmModule } = require('@nestjs/typeorm');
    const { DataSource } = require('typeorm');
    return {
      imports: [TypeOrmModule.forRoot({ type: 'postgres', url: process.env.DATABASE_URL })],
      inject: [DataSource],
      query: (dataSource, flightNumber) => dataSource.query(SQL, [flightNumber]),
    };
  },
  pg() {
    const { Pool } = require('pg');
    const pool = new Pool({ connectionString: process.env.DATABASE_URL });
    return {
      imports: [],
      inject: [],
      query: async (_, flightNumber) => (await pool.query(SQL, [flightNumber])).rows,
    };
  },
};
const dataLayer = dataLayers[process.argv[2]]?.();
if (!dataLayer) throw new Error(`usage: nest.js <${Object.keys(dataLayers).join('|')}>`);

class FareQuery {}
IsString()(FareQuery.prototype, 'flightNumber');

class FaresController {
  constructor(database) {
    this.database = database;
  }
  async find(query) {
    const [row] = await dataLayer.query(this.database, query.flightNumber);
    return row;
  }
  live() {
    return { status: 'ok' };
  }
}
Reflect.defineMetadata('design:paramtypes', dataLayer.inject, FaresController);
Reflect.defineMetadata('design:paramtypes', [FareQuery], FaresController.prototype, 'find');
Query()(FaresController.prototype, 'find', 0);
for (const [method, route] of [
  ['find', 'fares'],
  ['live', 'health/live'],
]) {
  Get(route)(
    FaresController.prototype,
    method,
    Object.getOwnPropertyDescriptor(FaresController.prototype, method),
  );
}
Controller()(FaresController);

class AppModule {}
Module({ imports: dataLayer.imports, controllers: [FaresController] })(AppModule);

NestFactory.create(AppModule, { logger: ['warn'] }).then(async (app) => {
  app.useGlobalPipes(new ValidationPipe({ transform: true }));
  app.enableShutdownHooks();
  await app.listen(Number(process.env.PORT));
  // What every service does once it listens (releaseStartupMemory in libs/platform).
  globalThis.gc?.({ type: 'major', execution: 'sync', flavor: 'last-resort' });
});
