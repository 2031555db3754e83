// What an operation asks of the field being resolved, for resolvers that read ahead.
import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

function inSelection(
  info: GraphQLResolveInfo,
  set: SelectionSetNode | undefined,
  name: string,
): boolean {
  for (const s of set?.selections ?? []) {
    if (s.kind === 'Field' && s.name.value === name) return true;
    if (s.kind === 'InlineFragment' && inSelection(info, s.selectionSet, name)) return true;
    if (
      s.kind === 'FragmentSpread' &&
      inSelection(info, info.fragments[s.name.value]?.selectionSet, name)
    )
      return true;
  }
  return false;
}

/** Whether `name` is among the subfields asked of the current field (fragments included; @skip/@include ignored). */
export function selectsSubfield(info: GraphQLResolveInfo, name: string): boolean {
  return info.fieldNodes.some((node) => inSelection(info, node.selectionSet, name));
}
