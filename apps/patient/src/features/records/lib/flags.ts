/** HL7 v2 table 0078 style flags: N normal, H/L high/low, HH/LL critical, A abnormal without direction. */
export type Flag = 'N' | 'H' | 'L' | 'HH' | 'LL' | 'A';
export type AbnormalFlag = Exclude<Flag, 'N'>;

export function isAbnormalFlag(flag: Flag | null | undefined): flag is AbnormalFlag {
  return flag !== null && flag !== undefined && flag !== 'N';
}

export function isCriticalFlag(flag: Flag | null | undefined): boolean {
  return flag === 'HH' || flag === 'LL';
}

/** An arrow beside the value (shape as well as colour): ↑ high, ↓ low, ↑↑/↓↓ critical, ! abnormal. */
export function flagArrow(flag: Flag | null | undefined): string {
  switch (flag) {
    case 'H':
      return '↑';
    case 'HH':
      return '↑↑';
    case 'L':
      return '↓';
    case 'LL':
      return '↓↓';
    case 'A':
      return '!';
    case 'N':
    case null:
    case undefined:
      return '';
  }
}

/** The tone of a flag's tag: danger for high, critical and abnormal, warning for low, success for normal. */
export function flagTone(flag: Flag | null | undefined): 'danger' | 'warning' | 'success' | 'default' {
  switch (flag) {
    case 'H':
    case 'HH':
    case 'A':
    case 'LL':
      return 'danger';
    case 'L':
      return 'warning';
    case 'N':
      return 'success';
    case null:
    case undefined:
      return 'default';
  }
}
