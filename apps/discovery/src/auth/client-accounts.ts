import { BasicCredentials, ConfigurationError } from '@pss/platform';

/** A service's account: it may write the instances of these applications only. */
export interface ClientAccount {
  credentials: BasicCredentials;
  /** Upper-cased, as the registry keys applications. */
  apps: ReadonlySet<string>;
  /** Applications whose instances' status override alone it may set or remove (`<APP>:status`). */
  statusApps: ReadonlySet<string>;
}

export const MIN_PASSWORD = 12;
// A basic-auth user name ends at the first colon.
export const USERNAME = /^[^:\s]+$/;
const APP = /^[A-Za-z0-9][A-Za-z0-9._-]*(:status)?$/;
const FORMAT = '<username> <password> <APP>[,<APP>...]';

/**
 * The client accounts of `variable`'s text: one per line, `<username> <password> <APP>[,<APP>...]`
 * (`<APP>:status`: only the status overrides of that application's instances),
 * blank lines and `#` comments ignored. Problems name the variable and the line, and never quote a
 * field: a password in the wrong column would otherwise end up in a log line.
 */
export function parseClientAccounts(text: string, variable: string): ClientAccount[] {
  const accounts: ClientAccount[] = [];
  const problems: string[] = [];
  const lineOf = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const number = index + 1;
    const problem = (what: string) => problems.push(`${variable} line ${number}: ${what}`);
    const fields = line.split(/\s+/);
    if (fields.length !== 3) return problem(`expected ${FORMAT}`);
    const [username, password, appList] = fields;
    const apps = appList.split(',');
    if (!USERNAME.test(username)) return problem('the user name must hold no colon');
    if (password.length < MIN_PASSWORD)
      return problem(`the password must be at least ${MIN_PASSWORD} characters`);
    if (!apps.every((app) => APP.test(app)))
      return problem('application names are letters, digits, dots, dashes and underscores, comma-separated');
    const earlier = lineOf.get(username);
    if (earlier !== undefined) return problem(`the same user name as line ${earlier}`);
    lineOf.set(username, number);
    const statusOnly = (app: string) => app.endsWith(':status');
    const upper = (list: string[]) => new Set(list.map((app) => app.replace(/:status$/, '').toUpperCase()));
    accounts.push({
      credentials: new BasicCredentials(username, password),
      apps: upper(apps.filter((app) => !statusOnly(app))),
      statusApps: upper(apps.filter(statusOnly)),
    });
  });
  if (problems.length === 0 && accounts.length === 0)
    problems.push(`${variable} holds no account (${FORMAT})`);
  if (problems.length > 0) throw new ConfigurationError(problems);
  return accounts;
}
