// Reads a zip file's directory and entries (stored or deflated), enough to check a release package without
// unpacking it. Zip64 is not read: a package of the extension is a few MB.
import { inflateRawSync } from 'node:zlib';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The central directory of `zip`: one record per entry, in directory order. */
interface Entry {
  method: number;
  compressedSize: number;
  offset: number;
  name: string;
}

function directory(zip: Buffer): Entry[] {
  // The end record is 22 bytes plus a comment of at most 65 535 bytes, at the very end of the file.
  const floor = Math.max(0, zip.length - 22 - 0xffff);
  let end = -1;
  for (let i = zip.length - 22; i >= floor; i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip file (no end of central directory)');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) throw new Error('zip64 archives are not read');
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== CENTRAL) throw new Error(`broken central directory at byte ${at}`);
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      offset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** The names of the entries of a zip file (a Buffer), folders ending in '/'. */
export function zipEntryNames(zip: Buffer): string[] {
  return directory(zip).map((e) => e.name);
}

/** The uncompressed bytes of entry `name`; throws when there is none or its compression is not deflate. */
export function readZipEntry(zip: Buffer, name: string): Buffer {
  const entry = directory(zip).find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name} in the zip`);
  if (zip.readUInt32LE(entry.offset) !== LOCAL) throw new Error(`broken local header for ${name}`);
  const start = entry.offset + 30 + zip.readUInt16LE(entry.offset + 26) + zip.readUInt16LE(entry.offset + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return Buffer.from(data);
  if (entry.method === 8) return inflateRawSync(data);
  throw new Error(`${name}: compression method ${entry.method} is not read`);
}
