import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { IsPersonName } from './person-name';

class Named {
  @IsPersonName('lastName') lastName!: string;
}

const problems = (lastName: unknown) =>
  validateSync(plainToInstance(Named, { lastName }), { stopAtFirstError: true }).flatMap((error) =>
    Object.values(error.constraints ?? {}),
  );

describe('IsPersonName', () => {
  it('counts characters as PostgreSQL does: code points, variation selectors included', () => {
    expect(problems('é'.repeat(60))).toEqual([]);
    expect(problems('a\uFE0F'.repeat(60))).toEqual(['lastName must be 1 to 60 characters']);
    expect(problems('😀'.repeat(60))).toEqual([]);
    expect(problems('😀'.repeat(61))).toEqual(['lastName must be 1 to 60 characters']);
  });

  it('requires a non-empty string', () => {
    expect(problems('')).toEqual(['lastName must be 1 to 60 characters']);
    expect(problems(42)).toEqual(['lastName must be 1 to 60 characters']);
    expect(problems(undefined)).toEqual(['lastName is required']);
  });
});
