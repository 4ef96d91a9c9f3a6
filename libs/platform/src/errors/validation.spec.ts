import { IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { Type, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { fieldProblems } from './validation';
import { problem } from './problem-details';

class Passenger {
  @IsString() firstName!: string;
}

class Booking {
  @Min(1) @IsInt() seats!: number;
  @ValidateNested({ each: true }) @Type(() => Passenger) passengers!: Passenger[];
}

describe('fieldProblems', () => {
  it('names each invalid field, nested ones by their path', () => {
    const errors = validateSync(plainToInstance(Booking, { seats: 0, passengers: [{ firstName: 7 }] }));
    expect(fieldProblems(errors)).toEqual([
      { field: 'seats', detail: 'seats must not be less than 1' },
      { field: 'passengers.0.firstName', detail: 'firstName must be a string' },
    ]);
  });
});

describe('problem', () => {
  it('fills the title from the status code', () => {
    expect(problem(404, 'No fare for BF101 on 2026-01-01')).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'No fare for BF101 on 2026-01-01',
    });
  });
});
