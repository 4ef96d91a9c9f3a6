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
import { toBoolean } from '@pss/platform';
import { MIN_PASSWORD, USERNAME } from '../auth/client-accounts';

export const REGISTRY_MODES = ['fast', 'eureka'] as const;
export type RegistryMode = (typeof REGISTRY_MODES)[number];

const URL_LIST = /^https?:\/\/[^\s,]+(\s*,\s*https?:\/\/[^\s,]+)*$/;

// SWC records no design:type for un-annotated fields, so numbers convert through @Type.
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

  /** One service account a line (see client-accounts.ts); usually REGISTRY_ACCOUNTS_FILE. */
  @Expose()
  @IsString()
  @IsDefined({
    message:
      'REGISTRY_ACCOUNTS is required (usually as REGISTRY_ACCOUNTS_FILE): one line per service, <username> <password> <APP>[,<APP>...]',
  })
  REGISTRY_ACCOUNTS!: string;
  @Expose()
  @Matches(USERNAME, { message: 'REGISTRY_OPERATOR_USERNAME must be a user name without colons or spaces' })
  REGISTRY_OPERATOR_USERNAME = 'operator';
  /** Absent: no operator account (usually REGISTRY_OPERATOR_PASSWORD_FILE). */
  @Expose()
  @IsOptional()
  @MinLength(MIN_PASSWORD, {
    message: `REGISTRY_OPERATOR_PASSWORD must be at least ${MIN_PASSWORD} characters`,
  })
  REGISTRY_OPERATOR_PASSWORD?: string;
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
