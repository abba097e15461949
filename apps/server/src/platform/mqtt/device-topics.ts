import { z } from 'zod';

/** Root of every CareLoop device topic; a deployment sharing one broker with others may choose its own. */
export const DEFAULT_TOPIC_PREFIX = 'careloop/v1';

const DeviceId = z.uuid();

/** Device ids are UUIDs; the canonical form is lower case, whatever case a device writes in its topic. */
export function canonicalDeviceId(candidate: string): string | null {
  return DeviceId.safeParse(candidate).success ? candidate.toLowerCase() : null;
}

export function readingsTopic(prefix: string, deviceId: string): string {
  return `${prefix}/devices/${deviceId}/readings`;
}

export function acksTopic(prefix: string, deviceId: string): string {
  return `${prefix}/devices/${deviceId}/acks`;
}

/** The filter the server subscribes to, with `$share/<group>/` when several processes split the traffic. */
export function readingsFilter(prefix: string, shareGroup: string | undefined): string {
  const filter = readingsTopic(prefix, '+');
  return shareGroup ? `$share/${shareGroup}/${filter}` : filter;
}

export interface DeviceTopic {
  /** The id as written in the topic (acks go back to the same spelling, which the device subscribed to). */
  readonly segment: string;
  /** Canonical (lower-case) device id, or null when the segment is not a UUID. */
  readonly deviceId: string | null;
}

/** Splits `<prefix>/devices/<id>/<kind>`; null when the topic has another shape. */
export function parseDeviceTopic(
  prefix: string,
  topic: string,
  kind: 'readings' | 'acks',
): DeviceTopic | null {
  const head = `${prefix}/devices/`;
  const tail = `/${kind}`;
  if (!topic.startsWith(head) || !topic.endsWith(tail)) return null;
  const segment = topic.slice(head.length, topic.length - tail.length);
  if (segment.length === 0 || segment.includes('/')) return null;
  return { segment, deviceId: canonicalDeviceId(segment) };
}
