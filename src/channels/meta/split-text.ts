/**
 * Splits `text` into pieces that each satisfy `fits`, breaking at paragraph, line or word
 * boundaries where possible (a single overlong word is cut). Platforms cap a message's
 * length (Messenger 2,000 characters, Instagram 1,000 bytes, WhatsApp 4,096 characters).
 */
export function splitText(text: string, fits: (piece: string) => boolean): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest && !fits(rest)) {
    const cut = cutPoint(rest, fits);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/** A predicate for "at most `max` UTF-16 characters". */
export const maxChars = (max: number) => (piece: string) => piece.length <= max;

/** A predicate for "at most `max` bytes of UTF-8". */
export const maxBytes = (max: number) => (piece: string) => Buffer.byteLength(piece, 'utf8') <= max;

function cutPoint(text: string, fits: (piece: string) => boolean): number {
  // The longest prefix that fits, by binary search over its length.
  let low = 1;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(text.slice(0, mid))) low = mid;
    else high = mid - 1;
  }
  const prefix = text.slice(0, low);
  for (const boundary of ['\n\n', '\n', ' ']) {
    const at = prefix.lastIndexOf(boundary);
    if (at > low / 2) return at + boundary.length;
  }
  return low;
}

/** Shortens a label to `max` characters, marking the cut with an ellipsis. */
export function shorten(label: string, max: number): string {
  const chars = [...label];
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
