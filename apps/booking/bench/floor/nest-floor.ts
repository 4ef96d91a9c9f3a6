// The floor of the stack booking is built on: NestJS on fastify with TypeORM, POST /bookings taking
// booking's own request class through the platform's validation pipe, and booking's one statement
// with its parameters. With PUBLISH_EVENTS=true, each booking's event then goes to RabbitMQ (amqplib,
// a confirm channel), as booking's relay sends it from the outbox. Nothing else: no fare check,
// logging, metrics, health checks, OpenAPI or registry. The bench bundles it as the images bundle a
// service.
//   DATABASE_URL=... [PUBLISH_EVENTS=true RABBITMQ_URL=...] PORT=8060 node <bundle>
import { Body, ConflictException, Controller, Get, HttpCode, Inject, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EVENTS_EXCHANGE } from '@pss/messaging';
import { createValidationPipe, queryPrepared } from '@pss/platform';
import { connect, type ConfirmChannel } from 'amqplib';
import { DataSource } from 'typeorm';
import { CreateBookingRequest } from '../../src/bookings/dto/create-booking.request';
import { newBooking, RECORD_BOOKING, recordBookingParameters } from '../../src/bookings/record-booking';

const SAFETY_BUFFER = 5;
const EVENTS = 'EVENTS';

/** A confirm channel to the broker with PUBLISH_EVENTS=true; none without. */
async function eventChannel(): Promise<ConfirmChannel | null> {
  if (process.env.PUBLISH_EVENTS !== 'true') return null;
  return (await connect(process.env.RABBITMQ_URL ?? '')).createConfirmChannel();
}

/** Resolves once the broker has confirmed it. */
const publish = (channel: ConfirmChannel, event: { id: string; type: string }) =>
  new Promise<void>((resolve, reject) =>
    channel.publish(
      EVENTS_EXCHANGE,
      event.type,
      Buffer.from(JSON.stringify(event)),
      { persistent: true, contentType: 'application/json', messageId: event.id },
      (error) => (error ? reject(error) : resolve()),
    ),
  );

@Controller()
class BookingsController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENTS) private readonly events: ConfirmChannel | null,
  ) {}

  @Get('health/ready')
  ready(): string {
    return 'ok';
  }

  @Post('bookings')
  @HttpCode(201)
  async book(@Body() request: CreateBookingRequest): Promise<object> {
    const booking = newBooking(request, SAFETY_BUFFER);
    const [recorded] = await queryPrepared<{ reference: string; createdAt: Date }>(
      this.dataSource.manager,
      RECORD_BOOKING,
      recordBookingParameters(booking),
    );
    if (!recorded) throw new ConflictException();
    if (this.events) await publish(this.events, booking.event);
    return { id: booking.id, status: 'CONFIRMED', ...request, ...recorded };
  }
}

@Module({
  imports: [TypeOrmModule.forRoot({ type: 'postgres', url: process.env.DATABASE_URL, extra: { max: 20 } })],
  controllers: [BookingsController],
  providers: [{ provide: EVENTS, useFactory: eventChannel }],
})
class FloorModule {}

void NestFactory.create(FloorModule, new FastifyAdapter(), { logger: ['warn'] }).then(async (app) => {
  app.useGlobalPipes(createValidationPipe());
  await app.listen(Number(process.env.PORT ?? 8060), '0.0.0.0');
});
