import { ApiProperty } from '@nestjs/swagger';

export class Money {
  @ApiProperty({ example: '101.00', description: 'Decimal string, two places' }) amount!: string;
  @ApiProperty({ example: 'USD', description: 'ISO 4217 code' }) currency!: string;
}

export class FareResponse {
  @ApiProperty({ example: 'BF101' }) flightNumber!: string;
  @ApiProperty({ example: '2026-12-01', format: 'date' }) flightDate!: string;
  @ApiProperty({ type: Money }) fare!: Money;
}
