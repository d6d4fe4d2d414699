import { type Socket, connect, createServer } from 'node:net';
import type { RunningServer } from './server';

/** The phone's signal to Heard: a TCP relay to the server that a test can cut and restore. */
export interface Signal {
  /** Heard's address through the relay: the browser must use this one. */
  url: string;
  /** No signal: open connections drop and new ones are refused, for the page and its service worker alike. */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

/**
 * Playwright's `setOffline` tells the page it is offline, but a service worker's own fetches are
 * not always held to it: cutting the wire as well makes "no signal" true for every part of the
 * browser, so a page that opens proves the device had what it needed.
 */
export async function signalTo(server: RunningServer): Promise<Signal> {
  const target = new URL(server.url);
  let up = true;
  const open = new Set<Socket>();
  const relay = createServer((client) => {
    if (!up) {
      client.destroy();
      return;
    }
    const upstream = connect(Number(target.port), '127.0.0.1');
    open.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    for (const socket of [client, upstream]) {
      socket.on('error', drop);
      socket.on('close', drop);
    }
    client.pipe(upstream).pipe(client);
  });
  const port = await new Promise<number>((resolve, reject) => {
    relay.once('error', reject);
    relay.listen(0, '127.0.0.1', () => {
      const address = relay.address();
      if (typeof address === 'object' && address) resolve(address.port);
      else reject(new Error('The relay has no port'));
    });
  });
  return {
    url: `http://localhost:${port}`,
    cut() {
      up = false;
      for (const socket of open) socket.destroy();
      open.clear();
    },
    restore() {
      up = true;
    },
    close() {
      for (const socket of open) socket.destroy();
      return new Promise((resolve) => relay.close(() => resolve()));
    },
  };
}
