/** Names Windows refuses as files, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// Path separators, characters Windows forbids, control and bidirectional-override characters.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
export const MAX_NAME_LENGTH = 80;

/**
 * A download file name from a chart or table title: no path parts (`../` cannot climb), no reserved device
 * names, no leading or trailing dots or spaces, at most {@link MAX_NAME_LENGTH} characters before the extension.
 */
export function safeFileName(title: string, extension: string, maxLength = MAX_NAME_LENGTH): string {
  const cleaned = (text: string) => text.replace(/^[\s._]+|[\s.]+$/g, '');
  let base = cleaned(title.normalize('NFC').replace(UNSAFE, '_').replace(/\.{2,}/g, '.').replace(/\s+/g, ' '));
  base = cleaned([...base].slice(0, maxLength).join(''));
  if (base === '') base = 'export';
  if (RESERVED.test(base)) base = `_${base}`;
  const ext = extension.replace(/[^a-z0-9]/gi, '').toLowerCase();
  return ext === '' ? base : `${base}.${ext}`;
}
