import { parentPort } from 'node:worker_threads';
import { DOCUMENT_RENDERERS } from './app/documents/document-renderers';
import { serveRenderers } from './platform/jobs/render-thread';

// The document thread's entry (ADR 0038), built beside main.js as document-thread.js.
serveRenderers(parentPort, DOCUMENT_RENDERERS);
