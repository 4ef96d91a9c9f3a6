import type { Money } from '@pss/contracts';
import type { FieldProblem } from '../services/pss-services';

/** `{ amount: '101.00', currency: 'USD' }` as a passenger reads it: USD 101.00. */
export const formatMoney = ({ amount, currency }: Money): string => `${currency} ${amount}`;

/** The time of day of an ISO timestamp, in UTC, as the schedule states it. */
export const formatTime = (timestamp: string): string => `${timestamp.slice(11, 16)} UTC`;

/**
 * The services' message for `field` as a sentence a passenger reads: the first problem named for
 * it (or for a field within it), with its first letter capitalised.
 */
export function messageFor(problems: readonly FieldProblem[], field: string): string | undefined {
  const problem = problems.find(
    (candidate) => candidate.field === field || candidate.field.startsWith(`${field}.`),
  );
  if (!problem) return undefined;
  const sentence = problem.detail.charAt(0).toUpperCase() + problem.detail.slice(1);
  return sentence.endsWith('.') ? sentence : `${sentence}.`;
}
