import { applyDecorators } from '@nestjs/common';
import { IsDefined, Matches } from 'class-validator';

export const AIRPORT_CODE = /^[A-Z]{3}$/;

/** A required three-letter airport (or city) code such as NYC; rules registered first are checked first. */
export const IsAirportCode = (field: string) =>
  applyDecorators(
    IsDefined({ message: `${field} is required` }),
    Matches(AIRPORT_CODE, { message: `${field} must be a three-letter airport code such as NYC` }),
  );
