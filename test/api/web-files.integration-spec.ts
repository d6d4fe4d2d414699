import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { get, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createTestApp, TestApp } from './support/test-app';

interface Got {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

function fetchRaw(server: Server, path: string, acceptEncoding?: string): Promise<Got> {
  const { port } = server.address() as AddressInfo;
  return new Promise((done, fail) => {
    get(
      { host: '127.0.0.1', port, path, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', fail);
      },
    ).on('error', fail);
  });
}

describe('the built web app, served compressed and cached', () => {
  const webDir = mkdtempSync(join(tmpdir(), 'heard-web-'));
  const bundle = `console.log(${JSON.stringify('Heard '.repeat(2000))});\n`;
  const index = `<!doctype html><html lang="en"><head><title>Heard</title></head><body>${'<p>Heard is loading…</p>'.repeat(80)}</body></html>`;
  let t: TestApp;
  let server: Server;

  beforeAll(async () => {
    writeFileSync(join(webDir, 'index.html'), index);
    writeFileSync(join(webDir, 'main-ABCD1234.js'), bundle);
    writeFileSync(join(webDir, 'tiny-EFGH5678.js'), 'export {};\n');
    // The build's own step, run for real on these files.
    execFileSync(process.execPath, [resolve(__dirname, '../../tools/precompress-web.mjs'), webDir]);
    t = await createTestApp({ WEB_DIR: webDir });
    server = t.app.getHttpServer() as Server;
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  });
  afterAll(async () => {
    await t.close();
  });

  it('should write a brotli and a gzip copy of each text file worth compressing, and leave tiny ones alone', () => {
    expect(existsSync(join(webDir, 'main-ABCD1234.js.br'))).toBe(true);
    expect(existsSync(join(webDir, 'main-ABCD1234.js.gz'))).toBe(true);
    expect(existsSync(join(webDir, 'index.html.br'))).toBe(true);
    expect(existsSync(join(webDir, 'tiny-EFGH5678.js.br'))).toBe(false);
  });

  it('should send brotli to a browser that takes it, gzip to one that takes only gzip, and the plain file otherwise', async () => {
    const br = await fetchRaw(server, '/main-ABCD1234.js', 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['vary']).toMatch(/Accept-Encoding/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.body.length).toBeLessThan(bundle.length / 10);
    expect(brotliDecompressSync(br.body).toString()).toBe(bundle);

    const gz = await fetchRaw(server, '/main-ABCD1234.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(bundle);

    const plain = await fetchRaw(server, '/main-ABCD1234.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(bundle);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const tiny = await fetchRaw(server, '/tiny-EFGH5678.js', 'br');
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.toString()).toBe('export {};\n');
  });

  it("should send index.html, compressed and never cached, for the app's own routes", async () => {
    for (const path of ['/', '/young-people/123', '/index.html']) {
      const res = await fetchRaw(server, path, 'br');
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(brotliDecompressSync(res.body).toString()).toBe(index);
    }
  });

  it('should leave the API alone: an unknown API path is a problem, not the app', async () => {
    const res = await fetchRaw(server, '/api/no-such-thing', 'br');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
