// Runs real nginx and HAProxy on 127.0.0.1 for the export tests: tiny Node backends that answer with their own
// name, a balancer started in the foreground from an exported configuration (its files in a temp directory,
// stopped by process id), and sequential requests that may come from a chosen 127.x.y.z client address.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, request, type Server } from 'node:http';
import { connect, createServer as createTcpServer } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Is the program on PATH? */
export function have(program: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' }).status === 0;
}

/** A port that was free a moment ago (the kernel's choice of an ephemeral port). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createTcpServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Backend {
  name: string;
  port: number;
  server: Server;
}

/** A backend on 127.0.0.1 that answers every request with its name. */
export function startBackend(name: string): Promise<Backend> {
  return new Promise((resolve, reject) => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', connection: 'close' });
      res.end(name);
    });
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve({ name, port: (server.address() as { port: number }).port, server }));
  });
}

export function stopBackend(b: Backend): Promise<void> {
  return new Promise((resolve) => {
    b.server.closeAllConnections();
    b.server.close(() => resolve());
  });
}

/** Waits until something accepts connections on the port (at most `timeoutMs`). */
async function waitForPort(port: number, child: ChildProcess, log: () => string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the balancer exited with ${child.exitCode}: ${log()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect({ host: '127.0.0.1', port });
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`nothing listens on ${port} after ${timeoutMs} ms: ${log()}`);
}

export interface RunningBalancer {
  pid: number;
  dir: string;
  stop(): Promise<void>;
}

async function run(command: string, args: string[], dir: string, port: number): Promise<RunningBalancer> {
  let output = '';
  const child = spawn(command, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      process.kill(child.pid!, 'SIGTERM');
    });
  try {
    await waitForPort(port, child, () => output);
  } catch (e) {
    await stop();
    throw e;
  }
  return { pid: child.pid!, dir, stop };
}

/** Starts nginx in the foreground from the configuration `config(dir)` (dir: a new temp directory for its files). */
export function startNginx(config: (dir: string) => string, port: number): Promise<RunningBalancer> {
  const dir = mkdtempSync(join(tmpdir(), 'lab-nginx-'));
  writeFileSync(join(dir, 'nginx.conf'), config(dir));
  return run('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log'), '-g', `daemon off; pid ${join(dir, 'nginx.pid')};`], dir, port);
}

/** Starts HAProxy in the foreground from the configuration `config(dir)`, its pid file in a new temp directory. */
export function startHaproxy(config: (dir: string) => string, port: number): Promise<RunningBalancer> {
  const dir = mkdtempSync(join(tmpdir(), 'lab-haproxy-'));
  writeFileSync(join(dir, 'haproxy.cfg'), config(dir));
  return run('haproxy', ['-db', '-f', join(dir, 'haproxy.cfg'), '-p', join(dir, 'haproxy.pid')], dir, port);
}

/** One GET through the balancer; resolves to the answering backend's name. */
export function get(port: number, options: { headers?: Record<string, string>; localAddress?: string; path?: string } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: options.path ?? '/', headers: options.headers, localAddress: options.localAddress, agent: false, timeout: 5000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => (res.statusCode === 200 ? resolve(body) : reject(new Error(`status ${res.statusCode}: ${body}`))));
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end();
  });
}

/** Sends the requests one after another (each waits for the previous answer). */
export async function sequential<T>(items: readonly T[], send: (item: T) => Promise<string>): Promise<string[]> {
  const out: string[] = [];
  for (const item of items) out.push(await send(item));
  return out;
}
