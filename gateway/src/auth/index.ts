export * from './Identity';
export * from './authConfig';
export * from './AuthenticationError';
export * from './createAuthenticator';
export * from './mayRead';
export * from './useAuthentication';
