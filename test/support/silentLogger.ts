import { Writable } from 'node:stream';
import { createLogger, type Logger } from '@devgraph/runtime';

/**
 * A real logger whose lines are kept in memory, so tests can assert what was (not) logged.
 * Pass `lines` to gather several services' lines in one array, as a log aggregator would.
 */
export function memoryLogger(service = 'test', secrets: string[] = [], lines: string[] = []): { logger: Logger; lines: string[] } {
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger({ service, level: 'debug', secrets, destination }), lines };
}
