// fontkit (pdfkit's own font reader) ships no types; Heard only opens a font with it and hands the
// opened font to pdfkit, so this is all it needs to say.
declare module 'fontkit' {
  export interface OpenedFont {
    readonly postscriptName: string;
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): OpenedFont;
}
