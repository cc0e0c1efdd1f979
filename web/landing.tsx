import { render } from 'preact';
import { formatCount, statistics, type Statistics } from '../lambdas/site/snippets.ts';
import { CopyButton } from './copy.tsx';
import './site.css';

/**
 * The landing page is complete as served; the script only adds what needs one: fresh statistics
 * while the page is open, and copy buttons on the snippets.
 */

const refreshMs = 5_000;

const refresh = async () => {
  // Hidden tabs need no fresh numbers; the next visible tick catches up.
  if (document.visibilityState === 'hidden') return;
  try {
    const response = await fetch('stats', { headers: { accept: 'application/json' } });
    if (!response.ok) return;
    const stats = (await response.json()) as Statistics;
    for (const { key } of statistics) {
      const cell = document.querySelector(`[data-stat="${key}"]`);
      if (cell && typeof stats[key] === 'number') cell.textContent = formatCount(stats[key]);
    }
  } catch {
    // Offline for a moment: the numbers shown stay, and the next tick tries again.
  }
};
setInterval(refresh, refreshMs);
document.addEventListener('visibilitychange', refresh);

for (const pre of document.querySelectorAll('pre[data-copy]')) {
  const slot = document.createElement('div');
  pre.after(slot);
  const label = pre.closest('figure')?.querySelector('figcaption')?.textContent ?? 'snippet';
  render(<CopyButton text={pre.textContent ?? ''} label={label} target={() => pre} />, slot);
}
