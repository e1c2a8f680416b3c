/** A hash of the extractor's source at build time (see vite.config.ts). */
declare const __EXTRACTOR_HASH__: string;
declare const __BUILD_ID__: string;
