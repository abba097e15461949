/** Mirrors NewPassword in packages/contracts: at least 10 characters with letters and digits. */
export const STRONG_PASSWORD = /^(?=.*[A-Za-z])(?=.*\d).{10,200}$/;
