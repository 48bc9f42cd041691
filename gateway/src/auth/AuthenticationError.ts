/** A credential was missing or refused; the message tells the caller what to fix and is safe to show. */
export class AuthenticationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthenticationError';
  }
}
