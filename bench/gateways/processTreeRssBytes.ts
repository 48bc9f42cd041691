import fs from 'node:fs';

/** Resident memory of the given processes together (Linux `VmRSS`); NaN where /proc is missing. */
export function processTreeRssBytes(pids: number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const match = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      total += match ? Number(match[1]) * 1024 : 0;
    } catch {
      return Number.NaN;
    }
  }
  return total;
}
