// A TCP proxy in front of PostgreSQL that counts the statements its clients execute, by reading
// the frontend wire protocol: 'Q' (simple query) and 'E' (Execute of an extended-protocol query).
// pg_stat_statements needs shared_preload_libraries (not set on this server), so S6 counts here.
import net from 'node:net';

export function startCountingProxy(targetPort, listenPort = 0) {
  const state = { statements: 0 };
  const sockets = new Set();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    let buf = Buffer.alloc(0);
    let started = false; // the startup (and SSLRequest) messages carry no type byte
    client.on('data', (chunk) => {
      upstream.write(chunk);
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        if (!started) {
          if (buf.length < 8) break;
          const len = buf.readInt32BE(0);
          if (buf.length < len) break;
          const code = buf.readInt32BE(4);
          buf = buf.subarray(len);
          if (code !== 80877103 && code !== 80877104) started = true; // not SSLRequest / GSSENCRequest
          continue;
        }
        if (buf.length < 5) break;
        const len = buf.readInt32BE(1);
        if (buf.length < 1 + len) break;
        const type = String.fromCharCode(buf[0]);
        if (type === 'Q' || type === 'E') state.statements++;
        // state.log = [] records the SQL of simple queries and of Parse messages (debugging).
        if (state.log && (type === 'Q' || type === 'P')) {
          const body = buf.subarray(5, 1 + len).toString('utf8');
          state.log.push(type === 'Q' ? body.split('\0')[0] : `[P ${body.split('\0')[0] || 'unnamed'}] ${body.split('\0')[1]}`);
        }
        buf = buf.subarray(1 + len);
      }
    });
    upstream.on('data', (d) => client.write(d));
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', close).on('error', close);
    upstream.on('close', close).on('error', close);
  });
  return new Promise((resolve) =>
    server.listen(listenPort, '127.0.0.1', () =>
      resolve({
        port: server.address().port,
        state,
        close: () =>
          new Promise((r) => {
            for (const s of sockets) s.destroy();
            server.close(() => r());
          }),
      }),
    ),
  );
}
