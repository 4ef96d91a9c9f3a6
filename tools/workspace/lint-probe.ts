import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { workspaceRoot } from '@pss/testing';

export interface LintMessage {
  ruleId: string | null;
  message: string;
}

// One ESLint, loaded once, in a process of its own (its config is an ES module, which jest's VM
// cannot load): it lints each line of JSON it reads ({ id, file, code }) as that file would be linted.
const SERVER = `
const { ESLint } = require('eslint');
const eslint = new ESLint({ cwd: process.cwd() });
require('node:readline').createInterface({ input: process.stdin }).on('line', async (line) => {
  const { id, file, code } = JSON.parse(line);
  const [result] = await eslint.lintText(code, { filePath: file });
  const messages = result.messages.map(({ ruleId, message }) => ({ ruleId, message }));
  process.stdout.write(JSON.stringify({ id, messages }) + '\\n');
});`;

/** Lints source text as if it were a file of the workspace, with the workspace's ESLint config. */
export class LintProbe {
  private readonly server: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<
    number,
    { resolve(messages: LintMessage[]): void; reject(error: Error): void }
  >();
  private nextId = 0;

  constructor() {
    this.server = spawn(process.execPath, ['-e', SERVER], { cwd: workspaceRoot });
    createInterface({ input: this.server.stdout }).on('line', (line) => {
      const { id, messages } = JSON.parse(line) as { id: number; messages: LintMessage[] };
      this.pending.get(id)?.resolve(messages);
      this.pending.delete(id);
    });
    this.server.on('exit', (exitCode) => {
      for (const { reject } of this.pending.values()) reject(new Error(`the linter exited (${exitCode})`));
      this.pending.clear();
    });
  }

  /** The problems ESLint finds in `code` at `file` (relative to the workspace root). */
  lint(file: string, code: string): Promise<LintMessage[]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.server.stdin.write(`${JSON.stringify({ id, file: `${workspaceRoot}/${file}`, code })}\n`);
    });
  }

  close(): void {
    this.server.kill();
  }
}
