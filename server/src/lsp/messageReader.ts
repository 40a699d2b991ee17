/**
 * Reads LSP messages (a `Content-Length` header, a blank line, a JSON body) from a byte stream,
 * standard input for `--stdio`. vscode-jsonrpc's own reader keeps every chunk of a message until the
 * last arrives, then joins them into a second buffer of the same size and only then decodes. This
 * reader allocates the body once its length is known and copies each chunk into it as it arrives,
 * so the join is gone from the time to a large document's first diagnostics; small messages inside
 * one chunk are decoded where they lie, without a copy. A large body (a document opened or replaced
 * whole) is parsed from its Latin-1 reading, which keeps the peak of receiving it lower
 * (largeMessage.ts): decoding the whole message to UTF-16 and JSON.parse's copy of the text were
 * most of that peak.
 *
 * It also recovers where the library's reader stalls: a header block without a usable
 * `Content-Length` is reported and skipped, and a body too large to allocate is reported and its
 * bytes are read past, so the server goes on with the next message.
 */
import type { Readable } from 'node:stream';
import { AbstractMessageReader, type DataCallback, type Disposable, type Message } from 'vscode-languageserver/node';
import { LARGE_MESSAGE_BYTES, onlyAsciiEscapes, parseLargeBody } from './largeMessage';

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');

/** A header block that has not ended after this many bytes is not one; it is reported and dropped. */
export const MAX_HEADER_BYTES = 64 * 1024;

export interface ReaderOptions {
  /** Frees what is no longer reachable; a large message is decoded in two steps with one of these between them (largeMessage.ts). */
  collect?: () => void;
  /** Bodies at least this long are decoded that way (tests make it small). */
  largeMessageBytes?: number;
}

export class StreamMessageReader extends AbstractMessageReader {
  private callback: DataCallback | undefined;
  /** Bytes of a header block that has not ended yet (a copy, never a view of a chunk). */
  private head: Buffer = Buffer.alloc(0);
  /** The body being filled, and how much of it has arrived. */
  private body: Buffer | undefined;
  private filled = 0;
  /** Bytes still to be read past (the body of a message that could not be held). */
  private skipping = 0;
  /** Sees every message before the connection does (main.ts notes the shutdown request with it). */
  onMessage: ((message: Message) => void) | undefined;

  private readonly collect: () => void;
  private readonly largeMessageBytes: number;

  constructor(
    private readonly readable: Readable,
    options: ReaderOptions = {},
  ) {
    super();
    this.collect = options.collect ?? (() => undefined);
    this.largeMessageBytes = options.largeMessageBytes ?? LARGE_MESSAGE_BYTES;
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (chunk: Buffer) => this.onData(chunk);
    const onError = (error: Error) => this.fireError(error);
    const onClose = () => this.fireClose();
    this.readable.on('data', onData);
    this.readable.on('error', onError);
    this.readable.on('close', onClose);
    return {
      dispose: () => {
        this.readable.off('data', onData);
        this.readable.off('error', onError);
        this.readable.off('close', onClose);
      },
    };
  }

  /** Takes one chunk of the stream: the rest of a body, headers, whole messages, a body's start. */
  onData(chunk: Buffer): void {
    const buf = this.head.length > 0 ? Buffer.concat([this.head, chunk]) : chunk;
    this.head = Buffer.alloc(0);
    let at = 0;
    while (at < buf.length) {
      if (this.skipping > 0) {
        const n = Math.min(this.skipping, buf.length - at);
        this.skipping -= n;
        at += n;
        continue;
      }
      if (this.body) {
        const n = Math.min(this.body.length - this.filled, buf.length - at);
        buf.copy(this.body, this.filled, at, at + n);
        this.filled += n;
        at += n;
        if (this.filled === this.body.length) this.deliverBody();
        continue;
      }
      const end = buf.indexOf(HEADER_END, at);
      if (end === -1) {
        if (buf.length - at > MAX_HEADER_BYTES) {
          this.fireError(new Error(`No end of the message header within ${MAX_HEADER_BYTES} bytes; the bytes were dropped.`));
        } else {
          this.head = Buffer.from(buf.subarray(at));
        }
        return;
      }
      const length = contentLength(buf.toString('latin1', at, end));
      at = end + HEADER_END.length;
      if (length === undefined) {
        this.fireError(new Error('A message header without a valid Content-Length was skipped.'));
        continue;
      }
      if (buf.length - at >= length) {
        this.deliver(buf, at, at + length);
        at += length;
        continue;
      }
      try {
        this.body = Buffer.allocUnsafe(length);
        this.filled = 0;
      } catch {
        this.fireError(new Error(`A message of ${length} bytes is too large to read; it was skipped.`));
        this.skipping = length;
      }
    }
  }

  /** Delivers the body just filled; a large one is parsed with less memory at its peak (largeMessage.ts). */
  private deliverBody(): void {
    const body = this.body!;
    this.body = undefined;
    if (body.length < this.largeMessageBytes || !onlyAsciiEscapes(body)) {
      this.deliver(body, 0, body.length);
      return;
    }
    let message: Message;
    try {
      message = parseLargeBody(body, this.collect) as Message;
    } catch (err) {
      this.notJson(err);
      return;
    }
    this.dispatch(message);
  }

  private deliver(buf: Buffer, start: number, end: number): void {
    let message: Message;
    try {
      message = JSON.parse(buf.toString('utf8', start, end)) as Message;
    } catch (err) {
      this.notJson(err);
      return;
    }
    this.dispatch(message);
  }

  private notJson(err: unknown): void {
    this.fireError(new Error(`A message that is not JSON was skipped: ${(err as Error).message}`));
  }

  private dispatch(message: Message): void {
    this.onMessage?.(message);
    this.callback?.(message);
  }
}

/** The Content-Length of a header block ("Name: value" lines), or undefined when it has none that is a number. */
export function contentLength(header: string): number | undefined {
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon === -1 || line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    return /^\d{1,15}$/.test(value) ? Number(value) : undefined;
  }
  return undefined;
}
