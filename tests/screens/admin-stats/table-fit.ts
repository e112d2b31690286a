import type { Page } from 'playwright-core';

/**
 * The texts in a table's header and body cells that break over more than one line: a narrow screen must scroll the
 * table sideways rather than stack 负责人 or a service name one character per line. Counts the line boxes of each
 * Chinese label (or the cell's own text where it has no label).
 */
export async function wrappedCells(page: Page, tableTestId: string, only?: string): Promise<string[]> {
  return page.getByTestId(tableTestId).evaluate((table, selector) => {
    const lines = (el: Element) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
    };
    const cells = [...table.querySelectorAll(selector ?? 'th, td')];
    return cells.flatMap((cell) => {
      const parts = cell.querySelectorAll('.zh').length ? [...cell.querySelectorAll('.zh')] : [cell];
      return parts.filter((p) => (p.textContent ?? '').trim() && lines(p) > 1).map((p) => (p.textContent ?? '').trim());
    });
  }, only ?? null);
}

/** Whether the table's last header can be brought fully into its scrolling panel (scrolled as far right as it goes). */
export async function lastColumnReachable(page: Page, tableTestId: string): Promise<boolean> {
  return page.getByTestId(tableTestId).evaluate((table) => {
    const box = table.closest('.table-scroll') as HTMLElement;
    box.scrollLeft = box.scrollWidth;
    const last = table.querySelector('thead th:last-child')!.getBoundingClientRect();
    const seen = box.getBoundingClientRect();
    const reachable = last.right <= seen.right + 1 && last.left >= seen.left - 1;
    box.scrollLeft = 0;
    return reachable;
  });
}
