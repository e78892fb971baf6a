// Entry of dist/server.js (bundled by esbuild.mjs): `node dist/server.js --stdio | --node-ipc | --socket=N`.
// The same script, started as a worker thread, parses and checks long plans for the server (off-thread.ts).
import { isMainThread } from 'node:worker_threads';
import { serveChecks } from './check-worker';
import { checkInWorker } from './off-thread';
import { startServer } from './server';

if (isMainThread) {
  checkInWorker(__filename);
  startServer();
} else serveChecks();
