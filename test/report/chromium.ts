// Drives Debian's headless chromium directly (no npm dependency): a screenshot and the DOM after load.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';

/** The chromium executable on PATH (`chromium`, `chromium-browser`, `google-chrome`), or undefined. */
export function findChromium(): string | undefined {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
      const file = path.join(dir, name);
      if (dir && fs.existsSync(file)) return file;
    }
  }
  return undefined;
}

function run(chromium: string, args: string[], timeout: number): { stdout: string; stderr: string } {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-chromium-'));
  try {
    const r = spawnSync(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-dev-shm-usage',
        `--user-data-dir=${profile}`,
        ...args,
      ],
      { encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 },
    );
    if (r.error) throw r.error;
    return { stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** Screenshots a local HTML file into `png`. */
export function screenshot(chromium: string, html: string, png: string, width: number, height: number, timeout = 120_000): string {
  return run(chromium, [`--screenshot=${png}`, `--window-size=${width},${height}`, `file://${html}`], timeout).stderr;
}

/** The DOM of a local HTML file after load, serialized. */
export function dumpDom(chromium: string, html: string, timeout = 120_000): string {
  return run(chromium, ['--dump-dom', `file://${html}`], timeout).stdout;
}

/** A decoded 8-bit RGB(A) PNG. */
export interface Image {
  readonly width: number;
  readonly height: number;
  /** RGB of pixel (x, y). */
  pixel(x: number, y: number): [number, number, number];
}

/** Decodes an 8-bit, non-interlaced RGB or RGBA PNG (what chromium writes). */
export function decodePng(data: Buffer): Image {
  if (data.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.toString('ascii', offset + 4, offset + 8);
    const body = data.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const depth = body[8];
      const colour = body[9];
      if (depth !== 8 || (colour !== 2 && colour !== 6) || body[12] !== 0) throw new Error(`unsupported PNG: depth ${depth}, colour type ${colour}, interlace ${body[12]}`);
      channels = colour === 6 ? 4 : 3;
    } else if (type === 'IDAT') {
      idat.push(body);
    }
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[y * stride + x - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels] : 0;
      let v = line[x];
      if (filter === 1) {v += a;} else if (filter === 2) {v += b;} else if (filter === 3) {v += Math.floor((a + b) / 2);} else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[y * stride + x] = v & 0xff; // eslint-disable-line no-bitwise
    }
  }
  return {
    width,
    height,
    pixel: (x, y) => {
      const i = y * stride + x * channels;
      return [out[i], out[i + 1], out[i + 2]];
    },
  };
}
