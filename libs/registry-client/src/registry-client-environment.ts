import 'reflect-metadata';
import { Expose, Transform, Type } from 'class-transformer';
import { toBoolean } from '@pss/platform';
import { IsBoolean, IsInt, IsOptional, IsString, Min, ValidateBy } from 'class-validator';

// SWC records no design:type for un-annotated fields, so numbers convert through @Type.
// A comma-separated list of http(s) URLs, each a registry base such as http://discovery:8761/eureka/,
// with the registry account as userinfo when the registry wants one (http://user:secret@discovery…).
const URL_LIST = /^https?:\/\/[^\s,]+(\s*,\s*https?:\/\/[^\s,]+)*$/;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

// Each URL must also parse: `new URL` of a bad one (a port out of range) throws an error that
// carries the whole input, password included, into the startup failure's log line.
const isUrlList = (value: unknown) =>
  typeof value === 'string' &&
  URL_LIST.test(value) &&
  value.split(',').every((url) => URL.canParse(url.trim()));

const IsRegistryUrlList = (message: string) =>
  ValidateBy({ name: 'isRegistryUrlList', validator: { validate: isUrlList } }, { message });

/** The variables libs/discovery reads; fast single-host defaults (Eureka's are 30 s / 90 s / 30 s). */
export class RegistryClientEnvironment {
  @Expose()
  @IsOptional()
  @Transform(trim)
  @IsRegistryUrlList(
    'DISCOVERY_URLS must be comma-separated http(s) URLs such as http://discovery:8761/eureka/',
  )
  @IsString()
  DISCOVERY_URLS?: string;

  @Expose() @Type(() => Number) @Min(100) @IsInt() DISCOVERY_HEARTBEAT_INTERVAL_MS = 5_000;
  @Expose() @Type(() => Number) @Min(1) @IsInt() DISCOVERY_LEASE_DURATION_SECONDS = 15;
  @Expose() @Type(() => Number) @Min(100) @IsInt() DISCOVERY_FETCH_INTERVAL_MS = 1_000;
  @Expose() @Type(() => Number) @Min(1) @IsInt() DISCOVERY_REQUEST_TIMEOUT_MS = 2_000;
  @Expose() @Type(() => Number) @Min(1024) @IsInt() DISCOVERY_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
  /**
   * At start, a service that follows other services' events takes their owners' snapshots and answers
   * not ready until it has applied them (a new or wiped database catches up). Off only for a service
   * run without its owners, as its own tests do.
   */
  @Expose() @Transform(toBoolean) @IsBoolean() CATCH_UP = true;
}
