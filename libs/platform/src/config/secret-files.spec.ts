import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from './configuration-error';
import { withSecretFiles } from './secret-files';

describe('secrets as files', () => {
  const directory = mkdtempSync(join(tmpdir(), 'pss-secrets-'));
  const secret = (name: string, content: string) => {
    const path = join(directory, name);
    writeFileSync(path, content);
    return path;
  };

  it('reads a declared NAME from the file NAME_FILE names, without its trailing newline', () => {
    const env = withSecretFiles(
      { DATABASE_URL_FILE: secret('db', 'postgres://u:p@db/x\n'), PORT: '80', OTHER_FILE: '/nowhere' },
      ['DATABASE_URL', 'PORT'],
    );
    expect(env).toMatchObject({ DATABASE_URL: 'postgres://u:p@db/x', PORT: '80' });
  });

  it('names the variable whose file cannot be read, and never shows a value', () => {
    expect(() =>
      withSecretFiles({ OPERATOR_PASSWORD_FILE: join(directory, 'missing') }, ['OPERATOR_PASSWORD']),
    ).toThrow(
      new ConfigurationError([
        `OPERATOR_PASSWORD_FILE names ${join(directory, 'missing')}, which cannot be read (ENOENT)`,
      ]),
    );
  });

  it('refuses a variable set both ways', () => {
    expect(() =>
      withSecretFiles({ OPERATOR_PASSWORD: 'x', OPERATOR_PASSWORD_FILE: secret('op', 'y') }, [
        'OPERATOR_PASSWORD',
      ]),
    ).toThrow('OPERATOR_PASSWORD and OPERATOR_PASSWORD_FILE are both set: set one');
  });
});
