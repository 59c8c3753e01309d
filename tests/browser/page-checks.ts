import fs from 'node:fs';
import path from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Where the README's screenshots live. */
export const DOCS_SCREENSHOT_DIR = path.resolve(__dirname, '..', '..', 'docs', 'screenshots');

/** A phone in portrait (iPhone 12–15 size). */
export const PHONE = { width: 390, height: 844 };

/**
 * The serious and critical WCAG 2.1 A/AA violations axe-core finds on the page, each printed with
 * its nodes so a failure says what to fix.
 */
export const blockingAxeViolations = async (page: Page, label: string): Promise<string[]> => {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    (tags) =>
      (
        window as unknown as {
          axe: { run(context: Document, options: object): Promise<AxeResults> };
        }
      ).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    WCAG_TAGS
  );
  const blocking = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical'
  );
  if (blocking.length) {
    console.log(
      `axe en ${label} (${page.url()}):\n` +
        blocking
          .map(
            (violation) =>
              `- ${violation.id} (${violation.impact}): ${violation.help}\n` +
              violation.nodes
                .map((node) => `    ${node.target.join(' ')}: ${node.failureSummary}`)
                .join('\n')
          )
          .join('\n')
    );
  }
  return blocking.map((violation) => `${violation.id} (${violation.impact}): ${violation.help}`);
};

/** Whether the page scrolls sideways (a phone layout must not). */
export const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

/**
 * With `SCREENSHOTS_FOR_DOCS=1`, saves what the screen shows as `docs/screenshots/<name>.png` for
 * the README; otherwise does nothing.
 */
export const docsScreenshot = async (page: Page, name: string): Promise<void> => {
  if (process.env.SCREENSHOTS_FOR_DOCS !== '1') return;
  fs.mkdirSync(DOCS_SCREENSHOT_DIR, { recursive: true });
  // No focus ring on the last field touched: the picture shows the page at rest.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: path.join(DOCS_SCREENSHOT_DIR, `${name}.png`) });
};
