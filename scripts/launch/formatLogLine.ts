const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const HIDDEN = new Set(['level', 'time', 'pid', 'hostname', 'service', 'msg']);

/** Make one pino JSON line readable in a terminal; anything else passes through as it is. */
export function formatLogLine(service: string, line: string): string {
  const prefix = `[${service}]`.padEnd(16);
  if (!line.startsWith('{')) return `${prefix} ${line}`;
  try {
    const entry = JSON.parse(line) as Record<string, unknown>;
    const level = LEVELS[Number(entry.level)] ?? 'INFO';
    const extra = Object.entries(entry).filter(([k]) => !HIDDEN.has(k));
    const rest = extra.length ? ` ${JSON.stringify(Object.fromEntries(extra))}` : '';
    return `${prefix} ${level.padEnd(5)} ${String(entry.msg ?? '').replace(/\s*\n\s*/g, ' ')}${rest}`;
  } catch {
    return `${prefix} ${line}`;
  }
}
