import { ErrorCode } from '../../errors';
import { codeForHttpStatus, type HttpRejection } from './sendRejection';

/** The fields body-parser (through http-errors) puts on what it throws; all optional. */
interface HttpErrorLike {
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
  limit?: unknown;
}

const SEND_JSON = 'Send a JSON object such as {"query": "{ __typename }"} with content-type: application/json.';

/** Messages for body-parser's error types: what went wrong and what to send instead. */
function bodyParserRejection(type: string, error: HttpErrorLike): HttpRejection | undefined {
  switch (type) {
    case 'entity.parse.failed':
      return { status: 400, code: ErrorCode.BadRequest, message: `The request body is not valid JSON. ${SEND_JSON}` };
    case 'entity.too.large':
      return {
        status: 413,
        code: ErrorCode.PayloadTooLarge,
        message: `The request body is larger than this server's limit of ${typeof error.limit === 'number' ? error.limit : 'the configured'} bytes; send a smaller operation (use variables, not inlined data).`,
      };
    case 'charset.unsupported':
      return { status: 415, code: ErrorCode.UnsupportedMediaType, message: 'The request body must be UTF-8 JSON (content-type: application/json; charset=utf-8).' };
    case 'encoding.unsupported':
      return { status: 415, code: ErrorCode.UnsupportedMediaType, message: 'The content-encoding of the request body is not supported; send it uncompressed, gzip, deflate or br.' };
    case 'request.aborted':
    case 'request.size.invalid':
      return { status: 400, code: ErrorCode.BadRequest, message: 'The request body ended before its content-length; send the whole body.' };
  }
  return undefined;
}

/**
 * Turn anything thrown inside Express (body parsing, a handler bug) into the rejection the client
 * sees. Known client errors get a precise message; anything else is a masked 500, and `unexpected`
 * tells the caller to log the original. Error messages are never copied through: body-parser's
 * include pieces of the body, and others can include paths.
 */
export function rejectionForError(error: unknown): { rejection: HttpRejection; unexpected: boolean } {
  const e = (error ?? {}) as HttpErrorLike;
  const known = typeof e.type === 'string' ? bodyParserRejection(e.type, e) : undefined;
  if (known) return { rejection: known, unexpected: false };
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (status >= 400 && status < 500) {
    return { rejection: { status, code: codeForHttpStatus(status), message: `The request was rejected (HTTP ${status}). ${SEND_JSON}` }, unexpected: false };
  }
  return { rejection: { status: 500, code: ErrorCode.InternalError, message: 'Internal error; the server log has the details.' }, unexpected: true };
}
