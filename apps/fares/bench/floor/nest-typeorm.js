// The floor of the stack every PSS service is built on: NestJS on express, TypeORM with pg and a
// validated query DTO, one route that reads the database, and nothing else (no logging, metrics,
// health, OpenAPI or discovery). Plain JavaScript, decorators applied by hand, so that no compiler
// hook sits in the measured process.
require('reflect-metadata');
const { Controller, Get, Module, Query, ValidationPipe } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const { TypeOrmModule } = require('@nestjs/typeorm');
const { IsString } = require('class-validator');
const { DataSource } = require('typeorm');

class FareQuery {}
IsString()(FareQuery.prototype, 'flightNumber');

class FaresController {
  constructor(dataSource) {
    this.dataSource = dataSource;
  }
  async find(query) {
    const [row] = await this.dataSource.query('SELECT $1::text AS "flightNumber"', [query.flightNumber]);
    return row;
  }
  live() {
    return { status: 'ok' };
  }
}
Reflect.defineMetadata('design:paramtypes', [DataSource], FaresController);
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
Module({
  imports: [TypeOrmModule.forRoot({ type: 'postgres', url: process.env.DATABASE_URL })],
  controllers: [FaresController],
})(AppModule);

NestFactory.create(AppModule, { logger: ['warn'] }).then(async (app) => {
  app.useGlobalPipes(new ValidationPipe({ transform: true }));
  app.enableShutdownHooks();
  await app.listen(Number(process.env.PORT));
});
