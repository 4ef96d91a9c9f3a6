import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { FareQuery } from './dto/fare-query.dto';
import { FareResponse } from './dto/fare.response';
import { Fare } from './fare.entity';

@Injectable()
export class FaresService {
  constructor(@InjectRepository(Fare) private readonly fares: Repository<Fare>) {}

  async find({ flightNumber, flightDate }: FareQuery): Promise<FareResponse> {
    const fare = await this.fares.findOneBy({ flightNumber, flightDate });
    if (!fare) throw new NotFoundException(`No fare for flight ${flightNumber} on ${flightDate}`);
    return FareResponse.of(fare);
  }
}
