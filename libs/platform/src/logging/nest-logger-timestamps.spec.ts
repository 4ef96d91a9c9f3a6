import { execFileSync } from 'node:child_process';

// patches/@nestjs+common+*.patch: Nest's loggers make their date formatter on first use rather than
// when @nestjs/common loads, which keeps ICU's data out of every service's memory (ADR 0004).
describe('@nestjs/common, as patched', () => {
  const runNode = (script: string) =>
    execFileSync(process.execPath, ['-e', script], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });

  it('makes no Intl.DateTimeFormat while it loads', () => {
    const made = runNode(`
      let made = 0;
      const { DateTimeFormat } = Intl;
      Intl.DateTimeFormat = function (...args) { made++; return new DateTimeFormat(...args); };
      require('@nestjs/common');
      process.stdout.write(String(made));`);
    expect(made).toBe('0');
  });

  it('still stamps the lines of its console logger with the date and time', () => {
    const output = runNode(`
      const { ConsoleLogger, Logger } = require('@nestjs/common');
      new ConsoleLogger('Probe').log('hello');
      process.stdout.write(Logger.getTimestamp());`);
    const [line, staticStamp] = output.split('\n');
    const stamp = /\d{1,4}\D\d{1,2}\D\d{1,4}, \d{1,2}:\d{2}:\d{2}/;
    expect(line).toMatch(new RegExp(`- ${stamp.source}.*LOG \\[Probe\\] hello`));
    expect(staticStamp).toMatch(stamp);
  });
});
