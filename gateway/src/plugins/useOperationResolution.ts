import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode } from 'graphql';
import { DevgraphError, ErrorCode } from '@devgraph/runtime';

/** Why no operation matched, in graphql-js's words, plus what to send instead. */
export function operationResolutionMessage(document: DocumentNode, operationName: string | undefined): string {
  const names = document.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value ?? '(anonymous)'] : []));
  const available = names.length ? ` The document has: ${names.join(', ')}.` : '';
  if (operationName === '') return `Unknown operation named "": leave operationName out to run the document's only operation, or name one.${available}`;
  if (operationName !== undefined) return `Unknown operation named ${JSON.stringify(operationName.slice(0, 100))}.${available}`;
  if (names.length > 1) return `Must provide operationName when the document has more than one operation.${available}`;
  return 'Must provide an operation.';
}

/**
 * Rejects a request whose `operationName` picks no operation of the document (e.g. `""`), with
 * 400 `OPERATION_RESOLUTION_FAILURE`. A subgraph (schema mode) does this itself; behind a gateway
 * Apollo Server leaves it to the gateway executor, which returns no error, and the client got a 500
 * "did not resolve an operation".
 */
export function useOperationResolution(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (operation) return;
          throw new DevgraphError(ErrorCode.OperationResolutionFailure, operationResolutionMessage(document, request.operationName), {
            details: { http: { status: 400 } },
          });
        },
      };
    },
  };
}
