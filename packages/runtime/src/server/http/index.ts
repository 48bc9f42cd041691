export * from './sendRejection';
export * from './allowMethods';
export * from './rejectionForError';
export * from './logRejectedRequests';
export * from './jsonFallbacks';
export * from './graphqlRequestHandler';
export * from './mountGraphQLRoute';
export * from './refineRequestError';
