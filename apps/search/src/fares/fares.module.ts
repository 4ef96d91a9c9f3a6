import { Module } from '@nestjs/common';
import { FareProjection } from './fare.projection';

@Module({ providers: [FareProjection] })
export class FaresModule {}
