import { InvalidInputException, ProblemException } from '@pss/platform';
import type { ScaleRefusal } from '../scaling/scale-plan';

/** The problem+json answer to a refused scale request. */
export function refusalException(refusal: ScaleRefusal): Error {
  return refusal.status === 404
    ? new ProblemException(404, refusal.detail, {
        errors: [{ field: refusal.field, detail: refusal.detail }],
      })
    : new InvalidInputException([{ field: refusal.field, detail: refusal.detail }]);
}
