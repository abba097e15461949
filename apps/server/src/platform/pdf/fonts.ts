import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

// Noto Sans SC covers Chinese, Latin and the symbols the reports print (↑ ↓ ℃ μ ≥); pdfkit embeds only the glyphs a
// document uses, so a report stays tens of kilobytes although each font file is about 10 MB.
const require = createRequire(import.meta.url);

export const FONT_FAMILY = 'NotoSansSC';

const FONT_MODULES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

export interface FontFiles {
  readonly regular: Buffer;
  readonly bold: Buffer;
}

/** Absolute paths of the font files, resolved from the installed package (never from the working directory). */
export function fontPaths(): { regular: string; bold: string } {
  return { regular: require.resolve(FONT_MODULES.regular), bold: require.resolve(FONT_MODULES.bold) };
}

let cached: Promise<FontFiles> | null = null;

/** Reads both fonts once per process; later calls share the same buffers. A failed read is retried next time. */
export function loadFonts(): Promise<FontFiles> {
  cached ??= (async () => {
    const paths = fontPaths();
    const [regular, bold] = await Promise.all([readFile(paths.regular), readFile(paths.bold)]);
    return { regular, bold };
  })().catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

// Noto Sans SC has ¹ ² ³ ⁴ but not the other superscript or subscript digits, so "10⁹/L" would print a missing-glyph
// box. Such runs are rewritten to the forms lab reports use anyway: 10⁹/L -> 10^9/L, CO₂ -> CO2.
const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻';
const SUPERSCRIPT_ASCII = '0123456789+-';
const SUPERSCRIPTS_IN_FONT = '¹²³⁴';
const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉₊₋';
const SCRIPT_RUN = /[⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻]+|[₀₁₂₃₄₅₆₇₈₉₊₋]+/g;

/** The text with superscript and subscript runs the font cannot draw spelled in ASCII. */
export function printable(text: string): string {
  return text.replace(SCRIPT_RUN, (run) => {
    if ([...run].every((c) => SUPERSCRIPTS_IN_FONT.includes(c))) return run;
    const ascii = [...run]
      .map((c) => {
        const sup = SUPERSCRIPTS.indexOf(c);
        return SUPERSCRIPT_ASCII[sup >= 0 ? sup : SUBSCRIPTS.indexOf(c)] ?? c;
      })
      .join('');
    return SUPERSCRIPTS.includes(run[0]!) ? `^${ascii}` : ascii;
  });
}
