import { Module } from '@nestjs/common';
import { FareChange } from './fare-change.service';
import { FaresController } from './fares.controller';
import { FaresService } from './fares.service';

@Module({ controllers: [FaresController], providers: [FaresService, FareChange] })
export class FaresModule {}
