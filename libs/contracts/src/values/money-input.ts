import { ApiProperty } from '@nestjs/swagger';
import type { Money } from '../dto/money';
import { IsDefined, Matches } from 'class-validator';

/**
 * Money as a client sends it: a decimal string with two places and an ISO 4217 code. (The
 * decorator nearest a property is checked first, and the pipe stops at the first that fails.)
 */
export class MoneyInput implements Money {
  @ApiProperty({ example: '101.00' })
  @Matches(/^\d{1,8}\.\d{2}$/, { message: 'amount must be a decimal with two places, such as 101.00' })
  @IsDefined({ message: 'amount is required' })
  amount!: string;

  @ApiProperty({ example: 'USD' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as USD' })
  @IsDefined({ message: 'currency is required' })
  currency!: string;
}
