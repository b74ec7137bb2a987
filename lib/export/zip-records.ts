// The records writeDeterministicZip's archive writer (yazl) puts around each entry's deflated
// bytes, rebuilt here so a zip can be assembled from streams deflated earlier: same flags, same
// fixed time stamp, same data descriptors, same ZIP64 rules. zip-records.test.ts checks the
// assembled bytes against writeDeterministicZip over the same files.
import { ExportError } from "./types";

/** The deflate settings of every zip entry (zlib defaults otherwise): a stored stream must match them. */
export const ZIP_DEFLATE_LEVEL = 6;

/** An entry whose deflated bytes are already known: sizes and CRC-32 of the uncompressed content. */
export type DeflatedEntryInfo = { name: string; crc32: number; bytes: number; compressedBytes: number };

const VERSION_NEEDED_UTF8 = 20;
const VERSION_NEEDED_ZIP64 = 45;
const VERSION_MADE_BY = (3 << 8) | 63;
// UTF-8 names, sizes in a data descriptor after the data.
const FLAGS = (1 << 11) | (1 << 3);
const DEFLATE = 8;
// 1980-01-01 00:00 as DOS time and date.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
// Regular file, rw-r--r--, in the upper half of the external attributes.
const EXTERNAL_ATTRIBUTES = (0o100644 << 16) >>> 0;
const MAX32 = 0xffffffff;

function u64(buffer: Buffer, n: number, at: number): void {
  buffer.writeUInt32LE(n % 0x100000000, at);
  buffer.writeUInt32LE(Math.floor(n / 0x100000000), at + 4);
}

const usesZip64 = (e: DeflatedEntryInfo, offset: number) => e.bytes > 0xfffffffe || e.compressedBytes > 0xfffffffe || offset > 0xfffffffe;

export function localHeader(name: Buffer): Buffer {
  const h = Buffer.alloc(30 + name.length);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(VERSION_NEEDED_UTF8, 4);
  h.writeUInt16LE(FLAGS, 6);
  h.writeUInt16LE(DEFLATE, 8);
  h.writeUInt16LE(DOS_TIME, 10);
  h.writeUInt16LE(DOS_DATE, 12);
  // CRC and sizes are zero here: they follow the data.
  h.writeUInt16LE(name.length, 26);
  name.copy(h, 30);
  return h;
}

export function dataDescriptor(e: DeflatedEntryInfo, offset: number): Buffer {
  if (!usesZip64(e, offset)) {
    const d = Buffer.alloc(16);
    d.writeUInt32LE(0x08074b50, 0);
    d.writeUInt32LE(e.crc32, 4);
    d.writeUInt32LE(e.compressedBytes, 8);
    d.writeUInt32LE(e.bytes, 12);
    return d;
  }
  const d = Buffer.alloc(24);
  d.writeUInt32LE(0x08074b50, 0);
  d.writeUInt32LE(e.crc32, 4);
  u64(d, e.compressedBytes, 8);
  u64(d, e.bytes, 16);
  return d;
}

function centralRecord(e: DeflatedEntryInfo, name: Buffer, offset: number): Buffer {
  const zip64 = usesZip64(e, offset);
  const extra = zip64 ? 28 : 0;
  const r = Buffer.alloc(46 + name.length + extra);
  r.writeUInt32LE(0x02014b50, 0);
  r.writeUInt16LE(VERSION_MADE_BY, 4);
  r.writeUInt16LE(zip64 ? VERSION_NEEDED_ZIP64 : VERSION_NEEDED_UTF8, 6);
  r.writeUInt16LE(FLAGS, 8);
  r.writeUInt16LE(DEFLATE, 10);
  r.writeUInt16LE(DOS_TIME, 12);
  r.writeUInt16LE(DOS_DATE, 14);
  r.writeUInt32LE(e.crc32, 16);
  r.writeUInt32LE(zip64 ? MAX32 : e.compressedBytes, 20);
  r.writeUInt32LE(zip64 ? MAX32 : e.bytes, 24);
  r.writeUInt16LE(name.length, 28);
  r.writeUInt16LE(extra, 30);
  r.writeUInt32LE(EXTERNAL_ATTRIBUTES, 38);
  r.writeUInt32LE(zip64 ? MAX32 : offset, 42);
  name.copy(r, 46);
  if (zip64) {
    const at = 46 + name.length;
    r.writeUInt16LE(0x0001, at);
    r.writeUInt16LE(24, at + 2);
    u64(r, e.bytes, at + 4);
    u64(r, e.compressedBytes, at + 12);
    u64(r, offset, at + 20);
  }
  return r;
}

function endRecords(count: number, directoryStart: number, directorySize: number): Buffer {
  const zip64 = count >= 0xffff || directorySize >= MAX32 || directoryStart >= MAX32;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Math.min(count, 0xffff), 8);
  eocd.writeUInt16LE(Math.min(count, 0xffff), 10);
  eocd.writeUInt32LE(directorySize >= MAX32 ? MAX32 : directorySize, 12);
  eocd.writeUInt32LE(directoryStart >= MAX32 ? MAX32 : directoryStart, 16);
  if (!zip64) return eocd;
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  u64(record, 44, 4);
  record.writeUInt16LE(VERSION_MADE_BY, 12);
  record.writeUInt16LE(VERSION_NEEDED_ZIP64, 14);
  u64(record, count, 24);
  u64(record, count, 32);
  u64(record, directorySize, 40);
  u64(record, directoryStart, 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  u64(locator, directoryStart + directorySize, 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([record, locator, eocd]);
}

/**
 * Lays out a zip of already-deflated entries: where each entry's local header starts, and the
 * bytes after the last entry (central directory and end records). Entries must come in
 * writeDeterministicZip's order (the caller sorts and checks names).
 */
export function zipLayout(entries: DeflatedEntryInfo[]): { offsets: number[]; names: Buffer[]; trailer: Buffer; size: number } {
  const names = entries.map((e) => Buffer.from(e.name, "utf8"));
  const offsets: number[] = [];
  let at = 0;
  for (const [i, e] of entries.entries()) {
    if (names[i]!.length > 0xffff) throw new ExportError(`zip: entry name ${JSON.stringify(e.name)} is too long`);
    offsets.push(at);
    at += 30 + names[i]!.length + e.compressedBytes + (usesZip64(e, at) ? 24 : 16);
  }
  const directory = Buffer.concat(entries.map((e, i) => centralRecord(e, names[i]!, offsets[i]!)));
  const trailer = Buffer.concat([directory, endRecords(entries.length, at, directory.length)]);
  return { offsets, names, trailer, size: at + trailer.length };
}

/**
 * The assembled archive's bytes: each entry's local header, its deflated bytes as `data` yields
 * them (one iterable per entry, in order) and its data descriptor, then the trailer. A stream
 * that is shorter or longer than its recorded size throws instead of producing a broken zip.
 */
export async function* assembleZip(
  entries: DeflatedEntryInfo[],
  data: AsyncIterable<AsyncIterable<Buffer> | Iterable<Buffer>>,
): AsyncGenerator<Buffer> {
  const { offsets, names, trailer } = zipLayout(entries);
  let i = 0;
  for await (const chunks of data) {
    const e = entries[i];
    if (!e) throw new ExportError("zip: more entry data than entries");
    yield localHeader(names[i]!);
    let n = 0;
    for await (const c of chunks) {
      n += c.length;
      if (n > e.compressedBytes) break;
      yield c;
    }
    if (n !== e.compressedBytes) throw new ExportError(`zip: stored data of ${JSON.stringify(e.name)} has ${n} bytes, not ${e.compressedBytes}`);
    yield dataDescriptor(e, offsets[i]!);
    i++;
  }
  if (i !== entries.length) throw new ExportError(`zip: data for ${i} of ${entries.length} entries`);
  yield trailer;
}
