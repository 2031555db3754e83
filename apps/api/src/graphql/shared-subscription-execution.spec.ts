import { sendSharedPayloads, sharedPayload } from './shared-subscription-execution';

/** What graphql-ws does with a result for each socket (server.ts, emit.next). */
const graphqlWsMessage = (id: string, result: object) => {
  const { errors, ...rest } = result as { errors?: unknown };
  return JSON.stringify({ id, type: 'next', payload: errors ? { ...rest, errors } : rest });
};

function socket() {
  const sent: string[] = [];
  const s = { send: (data: unknown) => void sent.push(String(data)) }; // a Buffer reads as UTF-8
  sendSharedPayloads(s);
  return { s, sent };
}

describe('shared subscription payloads', () => {
  it('sends each socket the payload serialised once, under its own operation id', () => {
    const data = { board: { entries: [{ rank: 1, name: 'Les "Gentils"' }], at: '2026-01-01' } };
    const shared = sharedPayload({ data });
    const stringify = jest.spyOn(JSON, 'stringify');
    const a = socket();
    const b = socket();
    a.s.send(graphqlWsMessage('1', shared));
    b.s.send(graphqlWsMessage('7', shared));
    const payloadSerialisations = stringify.mock.calls.filter(
      ([v]) => v && typeof v === 'object' && 'data' in v,
    );
    stringify.mockRestore();
    expect(JSON.parse(a.sent[0])).toEqual({ id: '1', type: 'next', payload: { data } });
    expect(JSON.parse(b.sent[0])).toEqual({ id: '7', type: 'next', payload: { data } });
    expect(payloadSerialisations).toHaveLength(1);
  });

  it('leaves results with errors, other messages and look-alike data alone', () => {
    const { s, sent } = socket();
    const withErrors = sharedPayload({ data: null, errors: [{ message: 'x' } as never] });
    s.send(graphqlWsMessage('1', withErrors));
    expect(JSON.parse(sent[0]).payload.errors).toEqual([{ message: 'x' }]);
    const lookAlike = JSON.stringify({
      id: '2',
      type: 'next',
      payload: '\u0000shared-payload:guess:1',
    });
    s.send(lookAlike);
    expect(sent[1]).toBe(lookAlike);
    s.send('{"type":"pong"}');
    expect(sent[2]).toBe('{"type":"pong"}');
  });

  it('sends a shared payload as one UTF-8 text frame', () => {
    const calls: { data: unknown; options: unknown }[] = [];
    const s = { send: (data: unknown, options?: unknown) => void calls.push({ data, options }) };
    sendSharedPayloads(s);
    const data = { board: { name: 'Équipe « Ça va » 🎉' } };
    s.send(graphqlWsMessage('3', sharedPayload({ data })));
    expect(calls[0].options).toEqual({ binary: false });
    expect(Buffer.isBuffer(calls[0].data)).toBe(true);
    expect(JSON.parse((calls[0].data as Buffer).toString('utf8'))).toEqual({
      id: '3',
      type: 'next',
      payload: { data },
    });
  });
});
