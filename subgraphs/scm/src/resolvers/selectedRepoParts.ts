import {
  getArgumentValues, getDirectiveValues, GraphQLIncludeDirective, GraphQLSkipDirective, isObjectType, Kind,
  type FieldNode, type GraphQLResolveInfo, type SelectionSetNode,
} from 'graphql';
import type { RepositoryPart } from '../model/RepositoryPart';
import { repoPartForField } from './repoPartForField';

/**
 * The repository parts the current operation selects under this field (through fragments too),
 * so all of them can be asked for in the same batch as the repository itself. Without this, the
 * repository would be loaded first and its commits or PRs in a second round trip. Fields with
 * invalid arguments are left out here: their own resolver reports the error.
 */
export function selectedRepoParts(info: GraphQLResolveInfo): RepositoryPart[] {
  const repositoryType = info.schema.getType('Repository');
  if (!isObjectType(repositoryType)) return [];
  const fieldDefs = repositoryType.getFields();
  const parts: RepositoryPart[] = [];
  const included = (node: FieldNode | { directives?: FieldNode['directives'] }) => {
    const skip = getDirectiveValues(GraphQLSkipDirective, node, info.variableValues);
    const include = getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues);
    return skip?.if !== true && include?.if !== false;
  };
  const visit = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) visit(info.fragments[selection.name.value]?.selectionSet);
      else {
        const def = fieldDefs[selection.name.value];
        if (!def) continue;
        try {
          const part = repoPartForField(def.name, getArgumentValues(def, selection, info.variableValues));
          if (part) parts.push(part);
        } catch {
          // invalid arguments: the field's resolver throws the user-facing error
        }
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return parts;
}
