import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from '../../createLogger';
import { ErrorCode } from '../../errors';

/**
 * Requests Node's HTTP parser refuses before Express sees them (a TRACE or DELETE carrying a
 * body, malformed headers, a header block over the limit) would get Node's bare
 * `400 Bad Request` with no body. Answer them in the same JSON shape as every other rejection,
 * as Node's documentation suggests for `clientError`, and close the connection.
 */
export function answerClientErrors(server: Server, logger: Logger): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    // Node's own rule: a socket that already carries a response (the parser failed on what came
    // after it) is destroyed, never answered twice. `_httpMessage` is that response (Node internals,
    // read-only here, as the default handler reads it).
    const current = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (!socket.writable || error.code === 'ECONNRESET' || current?.headersSent) {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? 431 : 400;
    const body = JSON.stringify({
      errors: [{ message: tooLarge ? 'The request headers are too large.' : 'The HTTP request is malformed; send a GET or POST with a JSON body to /graphql.', extensions: { code: ErrorCode.BadRequest } }],
    });
    logger.info({ status, code: ErrorCode.BadRequest, reason: error.code }, 'request rejected by the HTTP parser');
    socket.end(
      `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
        `content-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
        `x-content-type-options: nosniff\r\nconnection: close\r\n\r\n${body}`,
    );
  });
}
