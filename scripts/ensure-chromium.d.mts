export declare const CHROMIUM: string;
export declare function ensureChromium(options?: { log?: (message: string) => void }): string;
