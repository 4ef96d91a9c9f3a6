import { applyDecorators } from '@nestjs/common';
import { IsDefined, Length } from 'class-validator';

/** A first or last name's length as every service keeps it: 1 to 60 characters. */
export const PersonNameLength = (field: string) =>
  Length(1, 60, { message: `${field} must be 1 to 60 characters` });

/** A required first or last name; rules registered first are checked first. */
export const IsPersonName = (field: string) =>
  applyDecorators(IsDefined({ message: `${field} is required` }), PersonNameLength(field));
