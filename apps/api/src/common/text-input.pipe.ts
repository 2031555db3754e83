// Every text argument must be storable: PostgreSQL refuses NUL in text (22021) and a lone UTF-16
// surrogate would silently become U+FFFD. Both answer BAD_USER_INPUT naming the field.
import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { badInput, FieldErrors } from './errors';

/** What a client sends: GraphQL arguments (GqlParamtype.ARGS, not exported by @nestjs/graphql) and REST input. */
const CLIENT_INPUT = new Set<unknown>([3, 'body', 'query', 'param']);
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unstorable = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);

const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

/** Field names as the other checks give them: an input object's fields by name, list items by index. */
function collect(value: unknown, path: string, out: FieldErrors, depth = 0): void {
  if (typeof value === 'string') {
    if (unstorable(value))
      out[path || 'input'] = 'must be text without NUL characters or broken Unicode';
    return;
  }
  if (depth > 8 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => collect(item, join(path, i), out, depth + 1));
    return;
  }
  for (const [key, item] of Object.entries(value)) collect(item, join(path, key), out, depth + 1);
}

@Injectable()
export class TextInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (!CLIENT_INPUT.has(metadata.type)) return value;
    const errors: FieldErrors = {};
    // A named argument holding an object (e.g. `input`) names its fields; a scalar one names itself.
    const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
    collect(value, isObject ? '' : (metadata.data ?? ''), errors);
    if (Object.keys(errors).length) throw badInput(errors);
    return value;
  }
}
