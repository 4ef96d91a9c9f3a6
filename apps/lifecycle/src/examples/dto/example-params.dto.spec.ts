import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ExampleParams } from './example-params.dto';

describe('ExampleParams', () => {
  const problems = (id: unknown) =>
    validateSync(plainToInstance(ExampleParams, { id })).flatMap((error) =>
      Object.values(error.constraints ?? {}),
    );

  it('accepts a UUID and names the field when it is anything else', () => {
    expect(problems('00000000-0000-4000-8000-000000000001')).toEqual([]);
    expect(problems('42')).toEqual(['id must be a UUID']);
  });
});
