import { GraphQLError, OperationTypeNode, type ASTVisitor, type ValidationContext } from 'graphql';

/**
 * Validation rule: an operation's type (query, mutation, subscription) must exist in the schema.
 * graphql-js 16 lacks it (17 adds `KnownOperationTypesRule`), so without it a `mutation` against a
 * graph with no Mutation type fails late: a 500 from the gateway's query planner, an
 * INTERNAL_SERVER_ERROR from a subgraph. As a validation error it is a 400 that says why.
 */
export function KnownOperationTypesRule(context: ValidationContext): ASTVisitor {
  const schema = context.getSchema();
  return {
    OperationDefinition(node) {
      if (schema.getRootType(node.operation)) return;
      const supported = Object.values(OperationTypeNode).filter((op) => schema.getRootType(op));
      context.reportError(
        new GraphQLError(`This graph has no ${node.operation} root type, so ${node.operation} operations are not supported; send ${supported.join(' or ')} operations.`, { nodes: node }),
      );
    },
  };
}
