import "server-only";
import { createDeflateRaw, type DeflateRaw } from "node:zlib";
import { ZIP_DEFLATE_LEVEL } from "@/lib/export/zip-records";

/**
 * One file's raw-deflate stream, with the zip entries' settings, so the stored bytes are exactly
 * what the zip writer would put in the entry (deflate's output does not depend on how the input
 * is split). Deflating runs on libuv's thread pool while the caller renders more documents;
 * output is collected in order and taken by the store when it cuts chunks.
 */
export class FileDeflater {
  private readonly zlib: DeflateRaw = createDeflateRaw({ level: ZIP_DEFLATE_LEVEL, chunkSize: 256 * 1024 });
  private out: Buffer[] = [];
  private outBytes = 0;
  private written: Promise<void> = Promise.resolve();
  private readonly ended: Promise<void>;
  compressedBytes = 0;

  constructor() {
    this.zlib.on("data", (d: Buffer) => {
      this.out.push(d);
      this.outBytes += d.length;
      this.compressedBytes += d.length;
    });
    this.ended = new Promise((resolve, reject) => {
      this.zlib.on("end", resolve);
      this.zlib.on("error", reject);
    });
    this.ended.catch(() => undefined);
  }

  write(data: Buffer): void {
    this.written = new Promise((resolve, reject) => this.zlib.write(data, (e) => (e ? reject(e) : resolve())));
    this.written.catch(() => undefined);
  }

  /** Resolves once everything written so far went through deflate (its output may be held back by deflate itself). */
  settled(): Promise<void> {
    return this.written;
  }

  /** Ends the stream; resolves when its last bytes are out. */
  end(): Promise<void> {
    this.zlib.end();
    return this.ended;
  }

  get pendingBytes(): number {
    return this.outBytes;
  }

  /** The output so far, handed over once. */
  take(): Buffer[] {
    const out = this.out;
    this.out = [];
    this.outBytes = 0;
    return out;
  }
}
