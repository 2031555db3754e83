// Query limits (graphql-armor): depth, cost, aliases, tokens, directives, no field suggestions.
import { ApolloArmor } from '@escape.tech/graphql-armor';

/** Most lexical tokens in one document. */
export const MAX_TOKENS = 2000;

export function armor() {
  const protection = new ApolloArmor({
    // Fragments are flattened so they cannot hide depth.
    maxDepth: { n: 10, flattenFragments: true },
    costLimit: { maxCost: 20000, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5 },
    // A client may batch a few aliased calls, never enough to brute force a login.
    maxAliases: { n: 15 },
    // Armor's token limit parses in a plugin hook, where Apollo turns every syntax error into an
    // HTTP 500; graphql-js's own parser counts tokens instead (parseOptions below): 400.
    maxTokens: { enabled: false },
    maxDirectives: { n: 20 },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  return { ...protection, parseOptions: { maxTokens: MAX_TOKENS } };
}
