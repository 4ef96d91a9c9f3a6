import { execFileSync } from 'node:child_process';
import { patchedDependenciesProbe } from '@pss/testing';

// The fixes in patches/ (applied by patch-package on install and in every service image): each
// keeps something a service never uses out of its memory until it is used (ADR 0004), and each
// is checked here both ways: not loaded with its package, and still working when used.
const runNode = (script: string) =>
  execFileSync(process.execPath, ['-e', script], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });

const loadingCost = () => JSON.parse(runNode(patchedDependenciesProbe));

// Nest's loggers make their date formatter on first use rather than when @nestjs/common loads,
// which keeps ICU's data out of memory.
describe('@nestjs/common, as patched', () => {
  it('makes no Intl.DateTimeFormat while it loads', () => {
    expect(loadingCost().dateFormats).toBe(0);
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

// IsPhoneNumber loads libphonenumber-js (the metadata of every country) with the first number it
// checks, not with class-validator.
describe('class-validator, as patched', () => {
  it('does not load libphonenumber-js while it loads', () => {
    expect(loadingCost().libphonenumber).toBe(false);
  });

  it('still checks phone numbers', () => {
    const output = runNode(`
      const { isPhoneNumber } = require('class-validator');
      process.stdout.write(JSON.stringify([isPhoneNumber('+41 44 668 18 00'), isPhoneNumber('+41 12'), isPhoneNumber('044 668 18 00', 'CH')]));`);
    expect(JSON.parse(output)).toEqual([true, false, true]);
  });
});

// The upload interceptors load multer when the first one is made, not with
// @nestjs/platform-express.
describe('@nestjs/platform-express, as patched', () => {
  it('does not load multer while it loads', () => {
    expect(loadingCost().multer).toBe(false);
  });

  it('still makes upload interceptors with multer', () => {
    const output = runNode(`
      const { FileInterceptor } = require('@nestjs/platform-express');
      const Interceptor = FileInterceptor('file');
      const interceptor = new Interceptor({ dest: '/tmp' });
      process.stdout.write(JSON.stringify([require.resolve('multer') in require.cache, typeof interceptor.multer.single]));`);
    expect(JSON.parse(output)).toEqual([true, 'function']);
  });
});
