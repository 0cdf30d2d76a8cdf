/** The common detector behind the connection-string secret rules: the value after `Key=` in a segment that names the service. */
import type { ServiceId } from '../../core/roles';
import type { SecretHit } from '../rules/model';
import type { SecretDocument } from './secretDocument';
import { isEmulatorKey, isPlaceholder, looksLikeBase64Key, mask, startsKey, valueAfter } from './secretText';
import { targetIn } from './targets';

export interface ConnectionSecretShape {
  service: ServiceId;
  /** What the value is, for the message: "Storage account key". */
  noun: string;
  /** What to do instead, one sentence. */
  advice: string;
  /** Every one must occur in the segment (case-insensitive substrings, lower-case here). */
  requires?: string[];
  /** None may occur in the segment. */
  excludes?: string[];
  /** Keys are base64 of at least this length; passwords are anything that is not a placeholder. */
  base64MinLength?: number;
  /** Signatures and passwords: at least this long (default 1). */
  minLength?: number;
  stopAtAmpersand?: boolean;
}

export function connectionSecretAt(doc: SecretDocument, offset: number, anchor: string, shape: ConnectionSecretShape): SecretHit | undefined {
  const { text } = doc;
  if (!startsKey(text, offset)) return undefined;
  const segment = doc.segmentAround(offset);
  if (doc.contains(segment, 'usedevelopmentstorage=true') || doc.contains(segment, 'devstoreaccount1')) return undefined;
  if (shape.requires && !shape.requires.every((word) => doc.contains(segment, word))) return undefined;
  if (shape.excludes?.some((word) => doc.contains(segment, word))) return undefined;
  const value = valueAfter(text, offset, anchor, segment.end, shape.stopAtAmpersand);
  if (value.value.length < (shape.minLength ?? 1) || isPlaceholder(value.value) || isEmulatorKey(value.value)) return undefined;
  if (shape.base64MinLength !== undefined && !looksLikeBase64Key(value.value, shape.base64MinLength)) return undefined;
  return {
    start: value.start,
    end: value.end,
    message: `${shape.noun} in a connection string (${anchor}${mask(value.value)}). ${shape.advice}`,
    target: targetIn(shape.service, doc.lowerSlice(segment)),
  };
}
