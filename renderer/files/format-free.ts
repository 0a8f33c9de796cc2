// Free space as the Files panel's Board pane shows it.

/** Bytes free as a person reads them: "812 KB free", "1.3 MB free" (rounded down: never more than there is). */
export function formatFree(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.floor(bytes / 1024).toLocaleString('en')} KB free`;
  return `${(Math.floor((bytes / (1024 * 1024)) * 10) / 10).toLocaleString('en')} MB free`;
}
