// The floor of the framework: NestJS with TypeORM, a validated query DTO and one route that reads
// the fare, on either HTTP adapter; nothing else (no logging, metrics, health, OpenAPI or discovery).
//   DATABASE_URL=... PORT=8080 node nest.js express|fastify
// LOAD_PLATFORM_LIBRARIES=true also loads (and leaves unused) the libraries libs/platform and
// libs/registry-client use, for the idle-memory floor of the stack a service is built on.
// Plain JavaScript with decorators applied by hand, so that no compiler hook runs in the process.
require('reflect-metadata');
if (process.env.LOAD_PLATFORM_LIBRARIES === 'true') {
  for (const library of [
    '@nestjs/swagger',
    '@fastify/static',
    '@nestjs/terminus',
    '@nestjs/config',
    'pino',
    'prom-client',
    'eureka-js-client',
    'cockatiel',
  ])
    require(library);
}
const { Controller, Get, Module, NotFoundException, Query, ValidationPipe } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const { TypeOrmModule } = require('@nestjs/typeorm');
const { IsString, Matches } = require('class-validator');
const { DataSource } = require('typeorm');

const adapters = {
  express: () => new (require('@nestjs/platform-express').ExpressAdapter)(),
  fastify: () => new (require('@nestjs/platform-fastify').FastifyAdapter)(),
};
const adapter = adapters[process.argv[2]]?.();
if (!adapter) throw new Error(`usage: nest.js <${Object.keys(adapters).join('|')}>`);

const SQL = 'SELECT amount, currency FROM fares WHERE flight_number = $1 AND flight_date = $2';

class FareQuery {}
Matches(/^BF\d{3,4}$/)(FareQuery.prototype, 'flightNumber');
IsString()(FareQuery.prototype, 'flightDate');

class FaresController {
  constructor(dataSource) {
    this.dataSource = dataSource;
  }
  async find({ flightNumber, flightDate }) {
    const [fare] = await this.dataSource.query(SQL, [flightNumber, flightDate]);
    if (!fare) throw new NotFoundException();
    return { flightNumber, flightDate, fare };
  }
}
Reflect.defineMetadata('design:paramtypes', [DataSource], FaresController);
Reflect.defineMetadata('design:paramtypes', [FareQuery], FaresController.prototype, 'find');
Query()(FaresController.prototype, 'find', 0);
Get()(FaresController.prototype, 'find', Object.getOwnPropertyDescriptor(FaresController.prototype, 'find'));
Controller('fares')(FaresController);

class AppModule {}
Module({
  imports: [TypeOrmModule.forRoot({ type: 'postgres', url: process.env.DATABASE_URL, extra: { max: 20 } })],
  controllers: [FaresController],
})(AppModule);

NestFactory.create(AppModule, adapter, { logger: ['warn'] }).then(async (app) => {
  app.useGlobalPipes(new ValidationPipe({ transform: true }));
  await app.listen(Number(process.env.PORT ?? 8080), '0.0.0.0');
});
