// A tiny typed GraphQL-over-HTTP client for tests: the same requests a browser would send.
export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; fields?: Record<string, string> } & Record<string, unknown>;
}

export interface GqlResponse<T> {
  status: number;
  data?: T | null;
  errors?: GqlError[];
}

export class GraphQLClient {
  constructor(
    readonly baseUrl: string,
    readonly token: string | null = null,
  ) {}

  as(token: string | null): GraphQLClient {
    return new GraphQLClient(this.baseUrl, token);
  }

  async request<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GqlResponse<T>> {
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    let body: { data?: T; errors?: GqlError[] };
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`Non-JSON answer (${res.status}): ${text.slice(0, 200)}`);
    }
    return { status: res.status, data: body.data, errors: body.errors };
  }

  /** Expects success and returns data. */
  async ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const res = await this.request<T>(query, variables);
    if (res.errors?.length) {
      throw new Error(`GraphQL errors: ${JSON.stringify(res.errors, null, 1)}`);
    }
    return res.data as T;
  }

  /** Expects exactly one error and returns it (for asserting codes and fields). */
  async fails(query: string, variables?: Record<string, unknown>): Promise<GqlError> {
    const res = await this.request(query, variables);
    if (!res.errors?.length) throw new Error(`Expected an error, got ${JSON.stringify(res.data)}`);
    return res.errors[0];
  }

  /** The error code of a call expected to fail. */
  async code(query: string, variables?: Record<string, unknown>): Promise<string | undefined> {
    return (await this.fails(query, variables)).extensions?.code;
  }
}
