/**
 * Fills `{name}` placeholders of a sentence from the words files. A missing value is a
 * programming error, so it stays visible as `{name}` rather than vanishing.
 */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name in values ? String(values[name]) : `{${name}}`));
}
