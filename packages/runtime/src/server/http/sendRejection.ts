import type { Response } from 'express';
import { ErrorCode } from '../../errors';

/** Why a request was turned away before (or instead of) becoming a GraphQL operation. */
export interface HttpRejection {
  status: number;
  code: ErrorCode;
  /** Shown to the client: says what to change. Never the request body, a stack or a file path. */
  message: string;
  headers?: Record<string, string>;
}

/** The HTTP status -> code mapping for rejections, written once. */
export function codeForHttpStatus(status: number): ErrorCode {
  switch (status) {
    case 401:
      return ErrorCode.Unauthenticated;
    case 403:
      return ErrorCode.Forbidden;
    case 404:
      return ErrorCode.NotFound;
    case 405:
      return ErrorCode.MethodNotAllowed;
    case 413:
      return ErrorCode.PayloadTooLarge;
    case 415:
      return ErrorCode.UnsupportedMediaType;
  }
  return status >= 500 ? ErrorCode.InternalError : ErrorCode.BadRequest;
}

/**
 * Answer in the same shape as every GraphQL error (`{ errors: [{ message, extensions: { code } }] }`,
 * `application/json`), so a client needs one error path whatever layer said no. The code is kept
 * on `res.locals` for the one-line log written when the response finishes.
 */
export function sendRejection(res: Response, rejection: HttpRejection): void {
  res.locals.errorCode = rejection.code;
  for (const [name, value] of Object.entries(rejection.headers ?? {})) res.setHeader(name, value);
  res.status(rejection.status).json({ errors: [{ message: rejection.message, extensions: { code: rejection.code } }] });
}
