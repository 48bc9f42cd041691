import fs from 'node:fs';

/** Linux reports CPU time in clock ticks; 100 per second on every mainstream kernel config. */
const TICKS_PER_SECOND = 100;

interface ProcStat {
  pid: number;
  ppid: number;
  name: string;
  cpuSeconds: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may itself contain spaces or parentheses.
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    // After the name: state(0) ppid(1) ... utime(11) stime(12).
    return { pid, ppid: Number(fields[1]), name: stat.slice(stat.indexOf('(') + 1, close), cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}

/**
 * CPU time (user + system) used so far by a process and every live descendant, per process and
 * in total; undefined where /proc is missing (not Linux). Unlike wall time it hardly depends on
 * what else the machine is doing, so it says what a start-up costs on a busy benchmark host.
 */
export function processTreeCpuSeconds(rootPid: number): { total: number; processes: ProcStat[] } | undefined {
  if (!fs.existsSync('/proc/self/stat')) return undefined;
  const all = fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((s): s is ProcStat => s !== undefined);
  const children = new Map<number, ProcStat[]>();
  for (const s of all) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const tree: ProcStat[] = [];
  const root = all.find((s) => s.pid === rootPid);
  for (let queue = root ? [root] : []; queue.length; ) {
    const next = queue.shift()!;
    tree.push(next);
    queue = [...queue, ...(children.get(next.pid) ?? [])];
  }
  return { total: tree.reduce((sum, s) => sum + s.cpuSeconds, 0), processes: tree };
}
