/**
 * An error fastify answers with `statusCode`; thrown from a hook or a parser, the problem filter
 * renders it as problem+json with `message` as its detail.
 */
export const refusal = (statusCode: number, message: string): Error =>
  Object.assign(new Error(message), { statusCode });
