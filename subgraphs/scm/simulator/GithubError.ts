/** An error the simulator reports the way GitHub does: `errors[].type` next to message and path. */
export class GithubError extends Error {
  constructor(
    readonly type: 'NOT_FOUND' | 'FORBIDDEN' | 'EXCESSIVE_PAGINATION' | 'MISSING_PAGINATION_BOUNDARIES' | 'INVALID_EXPRESSION' | 'INVALID_ARGUMENTS',
    message: string,
  ) {
    super(message);
    this.name = 'GithubError';
  }
}
