// The consultation benchmark's baseline, run as a process of its own (like the real server): a bare Socket.IO
// relay with the app's shape and nothing else. Patients connect to /patient, doctors to /console, each with
// `?consultation=<id>`; 'consultations.message.send' is acknowledged with the message and pushed as
// 'consultations.message.created' to both sides of the consultation, as the app does. No auth, no storage.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';

interface Send {
  consultationId: string;
  clientId: string;
  kind: string;
  body?: string;
}

const io = new Server({ path: '/socket.io', serveClient: false, maxHttpBufferSize: 131_072 });
const namespaces = [io.of('/patient'), io.of('/console')];
const seqs = new Map<string, number>();

for (const nsp of namespaces) {
  nsp.on('connection', (socket: Socket) => {
    const consultationId = String(socket.handshake.query.consultation ?? '');
    void socket.join(`c:${consultationId}`);
    socket.on('consultations.message.send', (payload: Send, ack?: (answer: unknown) => void) => {
      const seq = (seqs.get(payload.consultationId) ?? 0) + 1;
      seqs.set(payload.consultationId, seq);
      const message = {
        consultationId: payload.consultationId,
        clientId: payload.clientId,
        seq,
        kind: payload.kind,
        body: payload.body ?? null,
        createdAt: new Date().toISOString(),
      };
      const event = {
        type: 'consultations.message.created',
        consultationId: payload.consultationId,
        message,
        at: message.createdAt,
      };
      for (const n of namespaces)
        n.to(`c:${payload.consultationId}`).emit('consultations.message.created', event);
      // Pushed first, then acknowledged, in the app's order.
      if (typeof ack === 'function') ack({ ok: true, message });
    });
  });
}

const server = createServer((_req, res) => res.writeHead(404).end());
io.attach(server);
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`listening ${port}\n`);
});
process.on('SIGTERM', () => {
  io.local.disconnectSockets(true);
  void io.close().then(() => process.exit(0));
});
