import { applyDecorators } from '@nestjs/common';
import { IsDefined } from 'class-validator';
import { CodePointLength } from './code-point-length';

/** A first or last name's length as every service keeps it (varchar(60)): 1 to 60 characters. */
export const PersonNameLength = (field: string) =>
  CodePointLength(1, 60, { message: `${field} must be 1 to 60 characters` });

/** A required first or last name; rules registered first are checked first. */
export const IsPersonName = (field: string) =>
  applyDecorators(IsDefined({ message: `${field} is required` }), PersonNameLength(field));
