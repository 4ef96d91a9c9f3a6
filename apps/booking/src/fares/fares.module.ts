import { Module } from '@nestjs/common';
import { FareChangesProjection } from './fare-changes.projection';

@Module({ providers: [FareChangesProjection] })
export class FaresModule {}
