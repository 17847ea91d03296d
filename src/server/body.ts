/**
 * Request bodies for the ingest endpoints: read with a byte cap (before and after gzip), then
 * split into NDJSON records with per-line issues. A body over the cap is refused whole (413)
 * without reading it all; a bad line is one rejected record, never a failed batch.
 */
import type { IncomingMessage } from 'node:http';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';

const gunzipAsync = promisify(gunzip);

/** A request refused whole, with its HTTP status (the handler turns it into a JSON answer). */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 413 | 415 | 429 | 503,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/**
 * A body of a declared length read straight from Node's request into one buffer of its own: one
 * copy of the bytes, where reading through the web Request costs three (each an allocation the
 * HTTP thread's collector has to account for); the buffer can then move to a parse worker.
 */
function readDeclared(incoming: IncomingMessage, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const out = Buffer.allocUnsafeSlow(length);
    let at = 0;
    const done = (error?: Error) => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
      incoming.off('close', onClose);
      if (error) reject(error);
      else resolve(at === length ? out : out.subarray(0, at));
    };
    const onData = (chunk: Buffer) => {
      // The HTTP parser holds the client to the declared length; never write past it anyway.
      const take = Math.min(chunk.length, length - at);
      chunk.copy(out, at, 0, take);
      at += take;
    };
    const onEnd = () => done();
    const onError = (error: Error) =>
      done(new HttpError(400, `request body was not received: ${error.message}`));
    const onClose = () => {
      if (!incoming.complete) done(new HttpError(400, 'request body was not received whole'));
    };
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
    incoming.on('close', onClose);
  });
}

/**
 * Reads a request body of at most `maxBytes`, gunzipping it when `Content-Encoding: gzip`; from
 * Node's request (`incoming`, when the server passes it) when its length is declared.
 */
export async function readBody(
  request: Request,
  maxBytes: number,
  incoming?: IncomingMessage,
): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new HttpError(413, `request body is ${declared} bytes, over the ${maxBytes}-byte limit`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (Number.isFinite(declared) && incoming && !incoming.readableDidRead) {
    chunks.push(await readDeclared(incoming, declared));
    size = chunks[0].byteLength;
  } else if (Number.isFinite(declared)) {
    // A declared length (checked above) bounds the body, and the server's HTTP parser holds the
    // client to it: read it whole (the Node adapter then reads the socket without web streams).
    chunks.push(new Uint8Array(await request.arrayBuffer()));
    size = chunks[0].byteLength;
  } else if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new HttpError(413, `request body is over the ${maxBytes}-byte limit`);
      }
      chunks.push(value);
    }
  }
  const raw = chunks.length === 1 && Buffer.isBuffer(chunks[0]) ? chunks[0] : Buffer.concat(chunks, size);
  const encoding = (request.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity' || encoding === '') return raw;
  if (encoding !== 'gzip' && encoding !== 'x-gzip')
    throw new HttpError(415, `unsupported Content-Encoding '${encoding}' (use gzip or none)`);
  try {
    return await gunzipAsync(raw, { maxOutputLength: maxBytes });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE')
      throw new HttpError(413, `decompressed body is over the ${maxBytes}-byte limit`);
    throw new HttpError(400, `body is not valid gzip: ${(error as Error).message}`);
  }
}

/** Where one non-blank NDJSON line is in a body, and its 1-based line number. */
export interface LineSpan {
  line: number;
  start: number;
  end: number;
}

/** Finds the non-blank lines of an NDJSON body (a BOM, CR and leading blanks skipped); parses nothing. */
export function ndjsonLines(body: Buffer, maxRecords: number): LineSpan[] {
  const out: LineSpan[] = [];
  let start = body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0;
  let line = 0;
  while (start < body.length) {
    let end = body.indexOf(0x0a, start);
    if (end === -1) end = body.length;
    line++;
    let stop = end;
    if (stop > start && body[stop - 1] === 0x0d) stop--;
    let first = start;
    while (first < stop && (body[first] === 0x20 || body[first] === 0x09)) first++;
    if (first < stop) {
      if (out.length >= maxRecords) {
        throw new HttpError(
          413,
          `batch has more than ${maxRecords} records (the configured maximum); split it`,
        );
      }
      out.push({ line, start: first, end: stop });
    }
    start = end + 1;
  }
  return out;
}
