// textile-js ships no types: its default export renders Textile as HTML.
declare module 'textile-js' {
  interface TextileOptions {
    /** Turn a single newline inside a block into `<br>` (default true). */
    breaks?: boolean;
  }
  function textile(source: string, options?: TextileOptions): string;
  export default textile;
}
