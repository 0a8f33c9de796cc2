// Types for scripts/gen-udev.mjs (imported by its test).
export declare const RULE_FILE: string;
export declare function udevRules(usbIds: { ids: Record<string, { name: string; flavour: string }> }): string;
