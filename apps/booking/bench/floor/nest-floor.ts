// The floor of the stack booking is built on: NestJS on fastify with TypeORM, POST /bookings taking
// booking's own request class through the platform's validation pipe, and booking's one statement
// with its parameters. Nothing else: no fare check, logging, metrics, health checks, OpenAPI,
// registry or relay publishing the event. The bench bundles it as the images bundle a service.
//   DATABASE_URL=... PORT=8060 node <bundle>
import { Body, ConflictException, Controller, Get, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createValidationPipe } from '@pss/platform';
import { DataSource } from 'typeorm';
import { CreateBookingRequest } from '../../src/bookings/dto/create-booking.request';
import { newBooking, RECORD_BOOKING, recordBookingParameters } from '../../src/bookings/record-booking';

const SAFETY_BUFFER = 5;

@Controller()
class BookingsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('health/ready')
  ready(): string {
    return 'ok';
  }

  @Post('bookings')
  @HttpCode(201)
  async book(@Body() request: CreateBookingRequest): Promise<object> {
    const booking = newBooking(request, SAFETY_BUFFER);
    const [recorded] = (await this.dataSource.query(RECORD_BOOKING, recordBookingParameters(booking))) as {
      reference: string;
      createdAt: Date;
    }[];
    if (!recorded) throw new ConflictException();
    return { id: booking.id, status: 'CONFIRMED', ...request, ...recorded };
  }
}

@Module({
  imports: [TypeOrmModule.forRoot({ type: 'postgres', url: process.env.DATABASE_URL, extra: { max: 20 } })],
  controllers: [BookingsController],
})
class FloorModule {}

void NestFactory.create(FloorModule, new FastifyAdapter(), { logger: ['warn'] }).then(async (app) => {
  app.useGlobalPipes(createValidationPipe());
  await app.listen(Number(process.env.PORT ?? 8060), '0.0.0.0');
});
