-- Realtime across server processes: @socket.io/postgres-adapter sends events with PostgreSQL NOTIFY, and keeps a
-- payload here only when it is too large for NOTIFY (8000 bytes) or binary. The adapter deletes rows older than
-- its cleanup interval (30 s); nothing else reads or writes this table. Unused when REDIS_URL is set.
CREATE TABLE socket_io_attachments (
  id bigserial UNIQUE,
  created_at timestamptz DEFAULT now(),
  payload bytea
);
