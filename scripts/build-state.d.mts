export declare const SOURCE_FOLDERS: readonly string[];
export declare const SOURCE_FILES: readonly string[];
export declare const STAMP: string;
export declare function buildDecision(root: string): { build: false } | { build: true; reason: string };
export declare function markBuilt(root: string): void;
