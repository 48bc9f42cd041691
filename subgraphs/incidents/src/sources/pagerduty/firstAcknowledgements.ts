import type { PdLogEntry } from './pagerDutyWire';

/** The first `acknowledge_log_entry` per incident id among the log entries of a window. */
export function firstAcknowledgements(entries: readonly PdLogEntry[]): Record<string, string> {
  const firstAck: Record<string, string> = {};
  for (const entry of entries) {
    const id = entry.incident?.id;
    if (entry.type !== 'acknowledge_log_entry' || !id) continue;
    const known = firstAck[id];
    if (!known || Date.parse(entry.created_at) < Date.parse(known)) firstAck[id] = entry.created_at;
  }
  return firstAck;
}
