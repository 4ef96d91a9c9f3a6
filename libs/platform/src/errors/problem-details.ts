import { STATUS_CODES } from 'node:http';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface FieldProblem {
  /** The field as the client sent it: a query parameter, a body property (dotted path). */
  field: string;
  detail: string;
}

/** The members every PSS problem may have (RFC 9457, and `errors` listing each invalid field). */
export interface ProblemMembers {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldProblem[];
}

/** A problem+json body: the standard members and those a particular problem adds (extensions). */
export type ProblemDetails = ProblemMembers & { [extension: string]: unknown };

export function problem(
  status: number,
  detail?: string,
  extra: Partial<ProblemDetails> = {},
): ProblemDetails {
  return {
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    ...(detail === undefined ? {} : { detail }),
    ...extra,
  };
}
