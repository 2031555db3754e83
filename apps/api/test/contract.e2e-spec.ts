// The committed schema.gql (kept equal to the code by `npm run schema:check`) must be a
// superset of the public contract in ../shared/api/schema.graphql.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, findBreakingChanges } from 'graphql';

const root = join(__dirname, '../../..');
const contract = buildSchema(readFileSync(join(root, '../shared/api/schema.graphql'), 'utf8'));
const ours = buildSchema(readFileSync(join(root, 'apps/api/schema.gql'), 'utf8'));

describe('public contract', () => {
  it('is implemented without breaking changes', () => {
    const breaking = findBreakingChanges(contract, ours).map((c) => `${c.type}: ${c.description}`);
    expect(breaking).toEqual([]);
  });

  it('describes every type and field it adds', () => {
    const undocumented: string[] = [];
    for (const type of Object.values(ours.getTypeMap())) {
      if (
        type.name.startsWith('__') ||
        ['String', 'Int', 'Float', 'Boolean', 'ID', 'Query', 'Mutation', 'Subscription'].includes(
          type.name,
        )
      )
        continue;
      if (!type.description) undocumented.push(type.name);
    }
    for (const root of [ours.getQueryType(), ours.getMutationType(), ours.getSubscriptionType()]) {
      for (const field of Object.values(root?.getFields() ?? {})) {
        if (!field.description) undocumented.push(`${root!.name}.${field.name}`);
        for (const arg of field.args)
          if (!arg.description) undocumented.push(`${root!.name}.${field.name}(${arg.name})`);
      }
    }
    expect(undocumented).toEqual([]);
  });
});
