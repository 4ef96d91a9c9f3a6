import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import { LifecycleConfig } from '../config/lifecycle-config';
import { NO_AUTOSCALING, parseAutoscaling, type AutoscalingSettings } from './autoscaling-policy';

const POLL_MS = 1_000;

/**
 * The policies of LIFECYCLE_AUTOSCALING_FILE, read again within a second of every change. A file
 * that cannot be used is reported field by field and leaves the policies as they were: a typo made
 * while it runs does not turn autoscaling off, nor on.
 */
@Injectable()
export class AutoscalingSettingsFile implements OnApplicationShutdown {
  private readonly logger = new Logger('Autoscaling');
  private settings: AutoscalingSettings = NO_AUTOSCALING;

  constructor(private readonly config: LifecycleConfig) {
    const file = config.autoscalingFile;
    if (!file) return;
    this.load(file);
    watchFile(file, { interval: POLL_MS }, () => this.load(file));
  }

  get current(): AutoscalingSettings {
    return this.settings;
  }

  onApplicationShutdown(): void {
    if (this.config.autoscalingFile) unwatchFile(this.config.autoscalingFile);
  }

  private load(file: string): void {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      this.logger.error(`cannot read ${file}, policies unchanged: ${(error as Error).message}`);
      return;
    }
    const parsed = parseAutoscaling(text, this.config.maxReplicas);
    if ('problems' in parsed) {
      this.logger.error(`${file} not applied, policies unchanged: ${parsed.problems.join('; ')}`);
      return;
    }
    this.settings = parsed.settings;
    const enabled = [...parsed.settings.policies.keys()];
    this.logger.log(`autoscaling ${enabled.length > 0 ? `enabled for ${enabled.join(', ')}` : 'off'}`);
  }
}
