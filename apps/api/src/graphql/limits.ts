// Query limits (graphql-armor): depth, cost, aliases, tokens, directives, no field suggestions.
import { ApolloArmor } from '@escape.tech/graphql-armor';

export function armor() {
  return new ApolloArmor({
    // Fragments are flattened so they cannot hide depth.
    maxDepth: { n: 10, flattenFragments: true },
    costLimit: { maxCost: 20000, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5 },
    // A client may batch a few aliased calls, never enough to brute force a login.
    maxAliases: { n: 15 },
    maxTokens: { n: 2000 },
    maxDirectives: { n: 20 },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}
