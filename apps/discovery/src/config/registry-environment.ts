import 'reflect-metadata';
import { Expose, Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';

export const REGISTRY_MODES = ['fast', 'eureka'] as const;
export type RegistryMode = (typeof REGISTRY_MODES)[number];

// SWC records no design:type for un-annotated fields, so numbers convert through @Type.
// Implicit conversion would read "false" as true: keep the raw text and let IsBoolean judge it.
const toBoolean = ({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
  const raw = obj[key];
  return raw === 'true' ? true : raw === 'false' ? false : raw;
};
const URL_LIST = /^https?:\/\/[^\s,]+(\s*,\s*https?:\/\/[^\s,]+)*$/;
// A basic-auth user name cannot hold a colon: it ends at the first one.
const USERNAME = /^[^:\s]+$/;
const MIN_PASSWORD = 12;

/** The registry's variables; unset ones take the mode's defaults (see registry-config.ts). */
export class RegistryEnvironment {
  @Expose() @IsOptional() @Max(65535) @Min(0) @IsInt() PORT?: number;
  @Expose() @IsOptional() @IsString() INSTANCE_HOST?: string;
  @Expose() @IsIn(REGISTRY_MODES) REGISTRY_MODE: RegistryMode = 'fast';

  @Expose()
  @IsOptional()
  @Matches(URL_LIST, {
    message: 'DISCOVERY_URLS must be comma-separated http(s) URLs such as http://discovery-2:8761/eureka/',
  })
  @IsString()
  DISCOVERY_URLS?: string;

  @Expose()
  @Matches(USERNAME, { message: 'REGISTRY_USERNAME must be a user name without colons or spaces' })
  @IsDefined({ message: 'REGISTRY_USERNAME is required (the account clients write with)' })
  REGISTRY_USERNAME!: string;
  @Expose()
  @MinLength(MIN_PASSWORD, { message: `REGISTRY_PASSWORD must be at least ${MIN_PASSWORD} characters` })
  @IsDefined({ message: 'REGISTRY_PASSWORD is required (the password clients write with)' })
  REGISTRY_PASSWORD!: string;
  @Expose()
  @IsOptional()
  @Matches(USERNAME, { message: 'REGISTRY_PEER_USERNAME must be a user name without colons or spaces' })
  REGISTRY_PEER_USERNAME?: string;
  @Expose()
  @IsOptional()
  @MinLength(MIN_PASSWORD, { message: `REGISTRY_PEER_PASSWORD must be at least ${MIN_PASSWORD} characters` })
  REGISTRY_PEER_PASSWORD?: string;
  @Expose() @Transform(toBoolean) @IsBoolean() REGISTRY_READS_REQUIRE_AUTH = false;

  @Expose() @IsOptional() @Min(10) @IsInt() REGISTRY_EVICTION_INTERVAL_MS?: number;
  @Expose() @IsOptional() @Min(1) @IsInt() REGISTRY_DELTA_RETENTION_MS?: number;
  @Expose() @IsOptional() @Min(0) @IsInt() REGISTRY_RESPONSE_CACHE_MS?: number;
  @Expose() @IsOptional() @Min(0) @IsInt() REGISTRY_PEER_SYNC_TIMEOUT_MS?: number;
  @Expose() @IsOptional() @Transform(toBoolean) @IsBoolean() REGISTRY_SELF_PRESERVATION?: boolean;
  @Expose() @IsOptional() @Transform(toBoolean) @IsBoolean() REGISTRY_DOUBLE_LEASE_DURATION?: boolean;
  @Expose() @Type(() => Number) @Max(1) @Min(0) @IsNumber() REGISTRY_RENEWAL_PERCENT_THRESHOLD = 0.85;
  @Expose() @Type(() => Number) @Min(1) @IsInt() REGISTRY_EXPECTED_RENEWAL_INTERVAL_SECONDS = 30;

  @Expose() @Type(() => Number) @Min(1) @IsInt() REGISTRY_MAX_INSTANCES = 20_000;
  @Expose() @Type(() => Number) @Min(1) @IsInt() REGISTRY_MAX_INSTANCES_PER_APP = 1_000;
  @Expose() @Type(() => Number) @Min(0) @IsInt() REGISTRY_MAX_METADATA_ENTRIES = 100;
  @Expose() @Type(() => Number) @Min(0) @IsInt() REGISTRY_MAX_METADATA_BYTES = 256 * 1024;
  @Expose() @Type(() => Number) @Min(16) @IsInt() REGISTRY_MAX_FIELD_LENGTH = 1_024;
  @Expose() @Type(() => Number) @Min(1) @IsInt() REGISTRY_MAX_LEASE_SECONDS = 300;
  @Expose() @Type(() => Number) @Min(0) @IsInt() REGISTRY_MAX_CLOCK_SKEW_MS = 30_000;
}
