import { Kind, parse } from 'graphql';
import { loadTrustedDocuments } from '../edge/trustedDocuments/loadTrustedDocuments';

/**
 * The operation names the gateway's metrics may use as labels: every named operation of the
 * trusted-documents manifest (when one is configured) and of the demo/example operations. A
 * bounded set fixed at start, so a client inventing names cannot grow the metric series.
 */
export function knownOperationNames(sources: { documents: readonly string[]; trustedDocumentsPath?: string }): Set<string> {
  const documents = [...sources.documents];
  if (sources.trustedDocumentsPath) documents.push(...loadTrustedDocuments(sources.trustedDocumentsPath).texts);
  const names = new Set<string>();
  for (const document of documents) {
    try {
      for (const definition of parse(document, { noLocation: true }).definitions) {
        if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) names.add(definition.name.value);
      }
    } catch {
      // An example that does not parse has no name to offer; GraphiQL shows the file as it is.
    }
  }
  return names;
}
