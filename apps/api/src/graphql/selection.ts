// What an operation asks of the field being resolved, for resolvers that read ahead.
import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

function inSelection(
  info: GraphQLResolveInfo,
  set: SelectionSetNode | undefined,
  path: readonly string[],
): boolean {
  const [name, ...rest] = path;
  for (const s of set?.selections ?? []) {
    if (s.kind === 'Field' && s.name.value === name) {
      if (!rest.length || inSelection(info, s.selectionSet, rest)) return true;
    }
    if (s.kind === 'InlineFragment' && inSelection(info, s.selectionSet, path)) return true;
    if (
      s.kind === 'FragmentSpread' &&
      inSelection(info, info.fragments[s.name.value]?.selectionSet, path)
    )
      return true;
  }
  return false;
}

/**
 * Whether the current field's selection reaches `path`, e.g. ['submission', 'feedback']
 * (fragments included; @skip/@include ignored).
 */
export function selectsPath(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  return info.fieldNodes.some((node) => inSelection(info, node.selectionSet, path));
}
