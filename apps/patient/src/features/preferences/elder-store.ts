// Elder mode must apply before sign-in (the login screen) and before /auth/me answers, so the last choice is
// cached on the device; once signed in, the account's stored preference wins.
const STORAGE_KEY = 'careloop.elderMode';
const listeners = new Set<() => void>();

function readStored(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'true';
  } catch {
    return false;
  }
}

let elderMode = readStored();

function applyToDocument(on: boolean): void {
  document.documentElement.dataset.elder = on ? 'true' : 'false';
}

applyToDocument(elderMode);

export function getElderMode(): boolean {
  return elderMode;
}

export function setElderModeOnDevice(on: boolean): void {
  if (on === elderMode) return;
  elderMode = on;
  try {
    localStorage.setItem(STORAGE_KEY, String(on));
  } catch {
    // Storage unavailable: the mode still applies for this visit.
  }
  applyToDocument(on);
  for (const listener of listeners) listener();
}

export function subscribeElderMode(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
