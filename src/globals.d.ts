/** A hash of the extractor's source at build time (see vite.config.ts). */
declare const __EXTRACTOR_HASH__: string;
declare const __BUILD_ID__: string;

/** The URL of the build's answers for its own reports (scripts/shipped-answers.ts), or null outside a build. */
declare module 'virtual:shipped-answers' {
  const url: string | null;
  export default url;
}
