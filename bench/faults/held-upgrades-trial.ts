import { readdirSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { mapPool, sleep } from './pool.js';
import { upgradeRequest } from './socket-fuzz.js';
import type { TrialFigure } from './trial-result.js';
import { TrialWorld } from './trial-world.js';

/**
 * Trial 8: `sockets` WebSocket upgrade requests to a path nothing serves, each on its own
 * connection that the client holds open. After `holdSeconds`, counts the connections the
 * server has neither answered-and-closed nor closed (each one a file descriptor an attacker
 * keeps for free).
 */
export async function heldUpgradesTrial(options: { sockets: number; holdSeconds: number }): Promise<TrialFigure[]> {
  const world = await TrialWorld.create();
  const sockets: Socket[] = [];
  try {
    let closed = 0;
    let answered = 0;
    let failed = 0;
    await mapPool(Array.from({ length: options.sockets }), 100, () =>
      new Promise<void>((resolve) => {
        const socket = connect({ port: world.port, host: '127.0.0.1' }, () => {
          socket.write(upgradeRequest('/no/such/socket'));
          resolve();
        });
        sockets.push(socket);
        let gotData = false;
        socket.on('data', () => {
          if (!gotData) answered++;
          gotData = true;
        });
        socket.on('close', () => closed++);
        socket.on('error', () => {
          failed++;
          resolve();
        });
      }),
    );
    const sentAt = Date.now();
    await sleep(options.holdSeconds * 1000);
    const open = sockets.filter((socket) => !socket.destroyed && socket.readyState === 'open').length;
    const fds = countFds(world.server.pid);
    return [
      {
        name: `8. held upgrades to an unknown path: sockets still open after ${options.holdSeconds} s`,
        figure: `${open} of ${options.sockets}`,
        mustBe: '0',
        pass: open === 0,
        notes: [`answered ${answered}, closed by the server ${closed}, connection errors ${failed}; Careline's open file descriptors: ${fds}; waited ${((Date.now() - sentAt) / 1000).toFixed(1)} s`, ...world.errorsNote()],
      },
    ];
  } finally {
    for (const socket of sockets) socket.destroy();
    await world.close();
  }
}

/** How many file descriptors a process holds, from /proc (Linux). */
function countFds(pid: number): string {
  try {
    return String(readdirSync(`/proc/${pid}/fd`).length);
  } catch {
    return 'unknown';
  }
}
