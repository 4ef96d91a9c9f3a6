import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { PlatformModule } from '@pss/platform';
import { EventConsumer, messagingEntities, messagingMigrations, MessagingModule } from '../src';
import { CreateAppliedEffects1795600000100, recordEffect, testConsumer, testSubscriptions } from './harness';

@Injectable()
class SeatsProjection implements OnModuleInit {
  constructor(private readonly consumer: EventConsumer) {}

  onModuleInit(): void {
    this.consumer.handle('booking.confirmed', (event, manager) => recordEffect(manager, event));
  }
}

/** A service built on libs/platform with MessagingModule, recording every event it consumes. */
@Module({
  imports: [
    PlatformModule.forRoot({
      serviceName: testConsumer,
      database: {
        entities: messagingEntities,
        migrations: [...messagingMigrations, CreateAppliedEffects1795600000100],
      },
    }),
    MessagingModule.forService(testConsumer, { subscriptions: testSubscriptions }),
  ],
  providers: [SeatsProjection],
})
export class RecordingServiceModule {}
