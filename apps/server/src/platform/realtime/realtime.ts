import type { RealtimeEvent } from '@careloop/contracts';
import type { SocketCommand } from './socket-commands.ts';

/** Which sockets an event goes to: rooms every connection joins when it authenticates. */
export interface RealtimeTarget {
  /** Signed-in accounts (staff in /console, patients in /patient). */
  readonly accountIds?: readonly string[];
  /** Every staff connection of an organization (/console only). */
  readonly orgId?: string;
}

export type RealtimeNamespace = 'console' | 'patient';

/**
 * Pushes events to connected apps, whichever server process they are connected to. Call after the transaction
 * that made the change has committed: the event is a hint to refetch, the database holds the truth.
 */
export interface Realtime {
  publish(namespace: RealtimeNamespace, target: RealtimeTarget, event: RealtimeEvent): void;
  /** Takes a command from the apps' sockets (registered while the app is built, before sockets are served). */
  handle(command: SocketCommand): void;
  /** Whether the account has a connection open on the namespace, in any process (absent: not known). */
  isConnected?(namespace: RealtimeNamespace, accountId: string): Promise<boolean>;
}

/** For processes and tests that push nothing (and records what would have gone, for assertions). */
export class RecordingRealtime implements Realtime {
  readonly sent: { namespace: RealtimeNamespace; target: RealtimeTarget; event: RealtimeEvent }[] = [];
  publish(namespace: RealtimeNamespace, target: RealtimeTarget, event: RealtimeEvent): void {
    this.sent.push({ namespace, target, event });
    if (this.sent.length > 1000) this.sent.shift();
  }

  readonly commands = new Map<string, SocketCommand>();
  handle(command: SocketCommand): void {
    this.commands.set(command.name, command);
  }
}
