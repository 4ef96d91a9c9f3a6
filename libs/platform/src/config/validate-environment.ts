import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { ConfigurationError } from './configuration-error';
import { withSecretFiles } from './secret-files';

type EnvironmentClass<T> = new () => T;

/**
 * Reads the variables that `schema` declares (with `@Expose()`) from `env`, each either as a value
 * or as a file named by `NAME_FILE` (a secret), converts and validates them. Undeclared variables
 * are ignored; values are never echoed (they may be secrets).
 */
export function validateEnvironment<T extends object>(
  schema: EnvironmentClass<T>,
  env: Record<string, string | undefined>,
): T {
  const declared = Object.keys(plainToInstance(schema, {}, { excludeExtraneousValues: true }));
  const present = Object.fromEntries(
    Object.entries(withSecretFiles(env, declared)).filter(([, value]) => value !== ''),
  );
  const instance = plainToInstance(schema, present, {
    excludeExtraneousValues: true,
    exposeDefaultValues: true,
    enableImplicitConversion: true,
  });
  const problems = validateSync(instance, { forbidUnknownValues: false, stopAtFirstError: true }).flatMap(
    (error: ValidationError) => Object.values(error.constraints ?? {}),
  );
  if (problems.length > 0) throw new ConfigurationError(problems);
  return instance;
}

/** Validates several schemas and reports the problems of all of them at once. */
export function validateEnvironments<T extends object[]>(
  env: Record<string, string | undefined>,
  ...schemas: { [K in keyof T]: EnvironmentClass<T[K]> }
): T {
  const problems: string[] = [];
  const results = schemas.map((schema) => {
    try {
      return validateEnvironment(schema, env);
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  });
  if (problems.length > 0) throw new ConfigurationError(problems);
  return results as T;
}
