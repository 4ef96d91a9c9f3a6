import { existsSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium (scripts/ensure-browser.sh installs it), or the one PSS_CHROMIUM names. */
const CHROMIUM = process.env.PSS_CHROMIUM ?? '/usr/bin/chromium';

/** Headless chromium, driven by playwright-core: no browser is downloaded. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`no chromium at ${CHROMIUM}: run scripts/ensure-browser.sh, or set PSS_CHROMIUM`);
  // As root in a container the sandbox cannot start; the pages are the project's own.
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

export interface AccessibilityViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** axe-core's serious and critical violations on the page as it is now (an empty list is the aim). */
export async function seriousViolations(page: Page): Promise<AccessibilityViolation[]> {
  // Evaluated through the debugging protocol, which the page's Content-Security-Policy lets through
  // (a script tag would not be).
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const { violations } = await (
      globalThis as unknown as {
        axe: {
          run: () => Promise<{
            violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe.run();
    return violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(({ id, impact, help, nodes }) => ({
        id,
        impact,
        help,
        targets: nodes.flatMap((node) => node.target),
      }));
  });
}
