/** rtf-parser ships no types: the callback API used by the RTF postmortem reader. */
declare module 'rtf-parser' {
  interface RtfNode {
    value?: string;
    style?: { bold?: boolean; fontSize?: number };
    content?: RtfNode[];
  }
  interface RtfDocument {
    content: RtfNode[];
  }
  function parse(cb: (err: Error | null, doc: RtfDocument) => void): NodeJS.WritableStream;
  namespace parse {
    function string(text: string, cb: (err: Error | null, doc: RtfDocument) => void): void;
  }
  export default parse;
}
