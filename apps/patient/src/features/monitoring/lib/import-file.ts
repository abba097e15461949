import type { MonitoringImport } from '@careloop/contracts';

export type ImportFileProblem = 'zip' | 'not_xml' | 'empty';

/** Only export.xml is read: the phone's export.zip must be unzipped first. */
export function checkImportFile(file: { name: string; size: number }): ImportFileProblem | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.zip')) return 'zip';
  if (!name.endsWith('.xml')) return 'not_xml';
  if (file.size === 0) return 'empty';
  return null;
}

export function partCount(sizeBytes: number, partSize: number): number {
  return partSize > 0 ? Math.ceil(sizeBytes / partSize) : 0;
}

/** Byte range [start, end) of part n. */
export function partRange(n: number, partSize: number, sizeBytes: number): [number, number] {
  const start = n * partSize;
  return [start, Math.min(start + partSize, sizeBytes)];
}

export type ImportPhase = 'upload' | 'processing' | 'done' | 'failed';

export function phaseOf(status: MonitoringImport['status']): ImportPhase {
  switch (status) {
    case 'uploading':
      return 'upload';
    case 'queued':
    case 'running':
      return 'processing';
    case 'done':
      return 'done';
    case 'failed':
      return 'failed';
  }
}

/** Percent of the export read by the server so far. */
export function processedPercent(imp: Pick<MonitoringImport, 'bytesProcessed' | 'sizeBytes'>): number {
  if (imp.sizeBytes <= 0) return 0;
  return Math.min(100, Math.round((imp.bytesProcessed / imp.sizeBytes) * 100));
}

/** Stored readings by type, largest first. */
export function storedByType(byType: Record<string, number>): [string, number][] {
  return Object.entries(byType)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
