import { execFileSync } from 'node:child_process';

// The fixes in patches/ (applied by patch-package on install and in every service image): each
// keeps something a service never uses out of its memory until it is used (ADR 0004), and each
// is checked here both ways: not loaded with its package, and still working when used.
const runNode = (script: string) =>
  execFileSync(process.execPath, ['-e', script], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });

const loadedModules = `(name) => Object.keys(require.cache).some((file) => file.includes('/node_modules/' + name + '/'))`;

// Nest's loggers make their date formatter on first use rather than when @nestjs/common loads,
// which keeps ICU's data out of memory.
describe('@nestjs/common, as patched', () => {
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

// IsPhoneNumber loads libphonenumber-js (the metadata of every country) with the first number it
// checks, not with class-validator.
describe('class-validator, as patched', () => {
  it('does not load libphonenumber-js while it loads', () => {
    const output = runNode(`
      require('class-validator');
      process.stdout.write(String((${loadedModules})('libphonenumber-js')));`);
    expect(output).toBe('false');
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
    const output = runNode(`
      require('@nestjs/platform-express');
      process.stdout.write(String((${loadedModules})('multer')));`);
    expect(output).toBe('false');
  });

  it('still makes upload interceptors with multer', () => {
    const output = runNode(`
      const { FileInterceptor } = require('@nestjs/platform-express');
      const Interceptor = FileInterceptor('file');
      const interceptor = new Interceptor({ dest: '/tmp' });
      process.stdout.write(JSON.stringify([(${loadedModules})('multer'), typeof interceptor.multer.single]));`);
    expect(JSON.parse(output)).toEqual([true, 'function']);
  });
});
