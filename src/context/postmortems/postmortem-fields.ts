/** An action item's status that says it is finished (`done`, `Closed`, `completed: true`). */
export const DONE_VALUE = /^(?:done|closed|completed?|resolved|fixed|finished|true)$/i;

/** A field's key as a label: `meeting_date` → "Meeting date", `DateOccurred` → "Date occurred". */
export function fieldLabel(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
