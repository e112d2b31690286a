import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding { id: string; impact: string | null; help: string; targets: string[] }

/** Runs axe-core on the page as it is now and returns the serious and critical findings. */
export async function seriousAxeFindings(page: Page): Promise<AxeFinding[]> {
  // Evaluated rather than added as a <script>: the hall's content security policy rightly refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } })
      .axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * What "text fits, nothing overlaps or is cut" means in numbers: nothing wider than the screen, no scrolling
 * inside the given scroll containers, and no text box overflowing its own element.
 */
export async function layoutProblems(page: Page, scrollers: string[]): Promise<string[]> {
  return page.evaluate((scrollerSelectors) => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth + 1) problems.push(`page is ${doc.scrollWidth}px wide in a ${window.innerWidth}px window`);
    for (const selector of scrollerSelectors) {
      const el = document.querySelector(selector);
      if (el && el.scrollHeight > el.clientHeight + 1) problems.push(`${selector} needs scrolling: ${el.scrollHeight} > ${el.clientHeight}`);
    }
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('button, h1, h2, p, dd, dt, .bi-main, .bi-sub, .tag'))) {
      if (el.offsetParent === null) continue;
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== 'visible') problems.push(`text cut in ${el.tagName}.${el.className}: ${el.textContent?.slice(0, 30)}`);
      const r = el.getBoundingClientRect();
      if (r.right > window.innerWidth + 1 || r.left < -1) problems.push(`off screen: ${el.tagName}.${el.className} ${el.textContent?.slice(0, 30)}`);
    }
    return problems;
  }, scrollers);
}

/**
 * Buttons a finger cannot reach: any button partly outside the window, and any button of the step partly under the
 * footer or outside the visible box of the area it scrolls in (cut by it, or scrolled out of it).
 */
export async function unreachableButtons(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const footer = document.querySelector('.kiosk-footer')?.getBoundingClientRect() ?? null;
    const main = document.querySelector('.kiosk-main')?.getBoundingClientRect() ?? null;
    const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    for (const button of Array.from(document.querySelectorAll<HTMLElement>('button'))) {
      if (button.offsetParent === null) continue;
      const r = button.getBoundingClientRect();
      const name = button.dataset.testid ?? button.textContent?.trim().slice(0, 24);
      const at = `${Math.round(r.left)},${Math.round(r.top)}-${Math.round(r.right)},${Math.round(r.bottom)}`;
      if (r.left < -0.5 || r.top < -0.5 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5) problems.push(`${name} (${at}) is outside the ${innerWidth}x${innerHeight} window`);
      if (!button.closest('.kiosk-main')) continue;
      if (footer && overlap(r, footer)) problems.push(`${name} (${at}) is under the footer (top ${Math.round(footer.top)})`);
      if (main && (r.top < main.top - 0.5 || r.bottom > main.bottom + 0.5)) problems.push(`${name} (${at}) is cut by the step's area (${Math.round(main.top)}-${Math.round(main.bottom)})`);
    }
    return problems;
  });
}

/** Today's ISO weekday (1 = Monday) on the hall's clock. */
export function hallWeekday(timeZone = 'Asia/Shanghai'): number {
  const name = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone }).format(new Date());
  return ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(name) + 1;
}
