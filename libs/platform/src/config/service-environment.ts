// Decorator metadata (the implicit type conversion needs design:type) is recorded only if this loads first.
import 'reflect-metadata';
import { Expose, Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';

export const SERVICE_LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof SERVICE_LOG_LEVELS)[number];

/** For @Transform of a boolean variable: implicit conversion would turn "false" into true. */
export const toBoolean = ({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
  const raw = obj[key];
  return raw === undefined ? undefined : raw === 'true' ? true : raw === 'false' ? false : raw;
};

/** The variables every service reads (docs/architecture.md). With stopAtFirstError the decorator
 * nearest the property is checked first, so the type check sits there. SWC records no design:type
 * for an un-annotated field, so numeric fields with defaults convert through @Type. */
export class ServiceEnvironment {
  @Expose() @IsOptional() @Max(65535) @Min(0) @IsInt() PORT?: number;
  @Expose() @IsIn(SERVICE_LOG_LEVELS) LOG_LEVEL: LogLevel = 'info';
  @Expose() @IsOptional() @IsString() @IsNotEmpty() INSTANCE_HOST?: string;
  // Inside the 10 s an engine waits after SIGTERM (docker stop, compose, Swarm) before it kills: a
  // shutdown that hangs ends with its own exit 1 and log line, not with a SIGKILL that says nothing.
  @Expose() @Type(() => Number) @Min(0) @IsInt() SHUTDOWN_TIMEOUT_MS = 8_000;
  @Expose() @Type(() => Number) @Min(100) @IsInt() READINESS_INTERVAL_MS = 5_000;
  /** The operator account, the only one that may use operator routes (usually OPERATOR_PASSWORD_FILE). */
  @Expose() @IsString() @IsNotEmpty() OPERATOR_USERNAME = 'operator';
  @Expose()
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'OPERATOR_PASSWORD must be at least 16 characters' })
  OPERATOR_PASSWORD?: string;
  /** Look-ups by a guessable key (a booking reference and a name) one client address may make a minute. */
  @Expose()
  @Type(() => Number)
  @Min(1, { message: 'LOOKUP_RATE_LIMIT_PER_MINUTE must be at least 1' })
  @IsInt({ message: 'LOOKUP_RATE_LIMIT_PER_MINUTE must be a whole number' })
  LOOKUP_RATE_LIMIT_PER_MINUTE = 60;
  /** The release and the commit the running code was built from: set by the image's build. */
  @Expose() @IsString() @IsNotEmpty() PSS_VERSION = 'dev';
  @Expose() @IsString() @IsNotEmpty() PSS_REVISION = 'unknown';
}

/** The variables of a service that owns a database. */
export class DatabaseEnvironment {
  @Expose()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  @IsDefined({ message: 'DATABASE_URL is required' })
  DATABASE_URL!: string;
  @Expose() @Type(() => Number) @Max(100) @Min(1) @IsInt() DATABASE_POOL_MAX = 20;
  @Expose() @Transform(toBoolean) @IsBoolean() MIGRATE_ON_START = true;
}
