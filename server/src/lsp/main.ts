// Entry of dist/server.js (bundled by esbuild.mjs): `node dist/server.js --stdio | --node-ipc | --socket=N`.
import { startServer } from './server';

startServer();
