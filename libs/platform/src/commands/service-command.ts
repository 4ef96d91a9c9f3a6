/**
 * A one-shot operator command of a service, run as `node main.js <name> [args…]` in an application
 * context without HTTP (a job beside the running service). A module provides it like any provider.
 */
export abstract class ServiceCommand {
  /** What follows `main.js` on the command line, such as `outbox:requeue`. */
  abstract readonly name: string;

  /** Does the work; resolves with one line saying what was done. */
  abstract run(args: string[]): Promise<string>;
}
