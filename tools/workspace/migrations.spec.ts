import { workspaceRoot } from '@pss/testing';
import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the previous version of a service cannot run on: a schema that lost what it reads, or that
 * refuses what it writes. A migration whose `up` does one of these must say, in its doc comment,
 * how to roll back past it (`Rollback: …`); every other migration is expand-only, and the
 * previous version runs on the newer schema as it is (docs/adr/0012).
 */
const CONTRACTING: [RegExp, string][] = [
  [/\bDROP\s+(TABLE|COLUMN)\b/i, 'drops what the previous version reads'],
  [/\bRENAME\b/i, 'renames what the previous version names'],
  [/\bALTER\s+(COLUMN\s+)?"?\w+"?\s+(SET\s+DATA\s+)?TYPE\b/i, 'changes a column type'],
  [/\bSET\s+NOT\s+NULL\b/i, 'refuses the NULLs the previous version writes'],
  [/\bDROP\s+NOT\s+NULL\b/i, 'shows the previous version NULLs it never met'],
  [/\bDROP\s+DEFAULT\b/i, 'refuses rows the previous version writes without the column'],
  [
    /^\s*ADD\s+(COLUMN\s+)?"?\w+"?[^,\n]*\bNOT\s+NULL\b(?![^,\n]*\bDEFAULT\b)/im,
    'adds a column the previous version does not write',
  ],
];

const migrations = globSync(['apps/*/src/migrations/*.ts', 'libs/*/src/**/*.migration.ts'], {
  cwd: workspaceRoot,
}).map((file) => ({ file, source: readFileSync(join(workspaceRoot, file), 'utf8') }));

/** The reasons a migration's `up` is not expand-only. */
export function contractions(source: string): string[] {
  const up = source.slice(source.indexOf('async up('), source.indexOf('async down('));
  return CONTRACTING.filter(([pattern]) => pattern.test(up)).map(([, reason]) => reason);
}

describe('migrations a rollback can pass', () => {
  it('finds every migration', () => {
    expect(migrations.length).toBeGreaterThanOrEqual(12);
  });

  it.each(migrations)('$file has a down', ({ source }) => {
    expect(source).toMatch(/async down\(/);
  });

  it.each(migrations)('$file is expand-only, or says how to roll back past it', ({ source }) => {
    const docComment = source.slice(0, source.indexOf('export class'));
    const reasons = contractions(source);
    if (reasons.length > 0)
      expect({ reasons, docComment }).toEqual({ reasons, docComment: expect.stringMatching(/Rollback: \S/) });
  });

  it('tells a contracting statement from an expanding one', () => {
    const up = (sql: string) => `async up() { q(\`${sql}\`) } async down() {}`;
    expect(contractions(up('ALTER TABLE "f" ADD "v" integer NOT NULL DEFAULT 0'))).toEqual([]);
    expect(contractions(up('CREATE TABLE "t" ("a" integer NOT NULL)'))).toEqual([]);
    expect(contractions(up('DROP TABLE "t"'))).toHaveLength(1);
    expect(contractions(up('ALTER TABLE "f"\n  ADD "v" integer NOT NULL'))).toHaveLength(1);
    expect(contractions(up('ALTER TABLE "f" ALTER "a" TYPE bigint'))).toHaveLength(1);
    expect(contractions(up('ALTER TABLE "f" ALTER "a" DROP DEFAULT'))).toHaveLength(1);
  });
});
