import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldProblem } from './problem-details';

/** A 400 whose problem body names each invalid field. */
export class InvalidInputException extends BadRequestException {
  constructor(readonly fields: FieldProblem[]) {
    super(`Invalid ${fields.map((field) => field.field).join(', ')}`);
  }
}

export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((detail) => ({ field, detail }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/** DTOs are checked at the edge: unknown properties rejected, values converted to their types. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => new InvalidInputException(fieldProblems(errors)),
  });
}
