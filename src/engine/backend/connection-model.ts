/**
 * How a target holds a long-lived connection (a WebSocket). Thread-per-connection servers (Apache
 * prefork, Tomcat's blocking connector, a Rails/Puma worker) give it a worker for its life, so open
 * connections fill the slots; event-loop servers (nginx, Node.js, Go's netpoller) keep it as a socket
 * and a little state, so it costs memory and a trickle of CPU but no worker. Sources: the Python
 * `websockets` documentation (Memory usage: about 70 KiB per server connection with its defaults);
 * the idle CPU is our estimate, one ~60 µs ping/pong every 30 s. Simplifies: memory is only a cap on
 * connections; nothing else uses it.
 */
import type { TargetConfig } from '../../scenario/schema.ts';

/** Memory an idle connection holds on an event-loop server, KiB (websockets' measured default). */
export const CONNECTION_MEMORY_KIB = 70;

/** CPU an idle long-lived connection costs, ms per second (a heartbeat), on either kind of server. */
export const CONNECTION_CPU_MS_PER_SEC = 0.002;

/** The same as a share of one slot's CPU: what an open connection adds to its target's CPU rate. */
export const CONNECTION_CPU_SHARE = CONNECTION_CPU_MS_PER_SEC / 1000;

/** How many long-lived connections an event-loop target's memory holds (the instance's memory, all of it). */
export function connectionLimit(cfg: TargetConfig, memoryGiB: number): number {
  return Math.floor((memoryGiB * 1024 * 1024) / (cfg.connectionMemoryKiB ?? CONNECTION_MEMORY_KIB));
}
