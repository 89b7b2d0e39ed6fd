/**
 * Text bound for the operator's terminal. Names and values come from imported files and AWS
 * (service names, tags, bad cells quoted in error messages): an ESC or other control character
 * in them would let a crafted export move the cursor, rewrite earlier lines, set the window
 * title or hide text. Every control character but tab and line break is shown as U+FFFD.
 */

// C0 controls but \t and \n, DEL, and the C1 controls (0x80-0x9f; 0x9b is a one-byte CSI).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function terminalSafe(text: string): string {
  return text.replace(CONTROL, "\uFFFD");
}
