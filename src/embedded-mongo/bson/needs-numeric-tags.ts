const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * Scans raw BSON for the values a plain JS number cannot carry back (int64, whole-valued
 * doubles). Documents without any — the vast majority — can be decoded straight to numbers,
 * skipping the typed decode and the tagging walk. Returns true also for anything unexpected,
 * so the careful path reports it.
 */
export function needsNumericTags(buf: Buffer, start: number, end: number): boolean {
  try {
    return scanDocument(buf, start, end) < 0;
  } catch {
    return true;
  }
}

/** Returns the offset after the document, or -1 as soon as a tagged value is found. */
function scanDocument(buf: Buffer, start: number, end: number): number {
  const size = buf.readInt32LE(start);
  const docEnd = start + size;
  if (size < 5 || docEnd > end) return -1;
  let p = start + 4;
  while (p < docEnd - 1) {
    const type = buf[p++];
    while (buf[p] !== 0) p++; // element name
    p++;
    switch (type) {
      case 0x01: {
        const v = buf.readDoubleLE(p);
        if ((Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX) || Object.is(v, -0)) return -1;
        p += 8;
        break;
      }
      case 0x02:
      case 0x0d:
      case 0x0e:
        p += 4 + buf.readInt32LE(p);
        break;
      case 0x03:
      case 0x04: {
        const next = scanDocument(buf, p, docEnd);
        if (next < 0) return -1;
        p = next;
        break;
      }
      case 0x05:
        p += 5 + buf.readInt32LE(p);
        break;
      case 0x06:
      case 0x0a:
      case 0xff:
      case 0x7f:
        break;
      case 0x07:
        p += 12;
        break;
      case 0x08:
        p += 1;
        break;
      case 0x09:
      case 0x11:
        p += 8;
        break;
      case 0x0b:
        while (buf[p] !== 0) p++;
        p++;
        while (buf[p] !== 0) p++;
        p++;
        break;
      case 0x0c:
        p += 4 + buf.readInt32LE(p) + 12;
        break;
      case 0x0f:
        p += buf.readInt32LE(p);
        break;
      case 0x10:
        p += 4;
        break;
      case 0x12:
        return -1;
      case 0x13:
        p += 16;
        break;
      default:
        return -1;
    }
  }
  return docEnd;
}
