/**
 * multipart/form-data parser that accepts what grammY sends.
 *
 * grammY writes `content-disposition:form-data;name="x";filename=My file.pdf`
 * with lowercase headers, no space after the colon and an UNQUOTED filename
 * that may contain spaces, brackets or UTF-8. Generic parsers (busboy) reject
 * such a header and silently drop the part; the real Bot API (TDLib's
 * HttpReader) reads an unquoted value up to the next ';'. This parser follows
 * TDLib, so file names round-trip exactly as they do in production.
 */
export interface UploadedFile {
  /** Name of the multipart part (the attach:// id or the field name). */
  partName: string;
  fileName: string;
  contentType?: string;
  data: Buffer;
}

export interface MultipartData {
  fields: Map<string, string>;
  files: Map<string, UploadedFile>;
}

export class MultipartError extends Error {}

export function boundaryOf(contentType: string): string | undefined {
  const m = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : undefined;
}

const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");

export function parseMultipart(body: Buffer, boundary: string): MultipartData {
  const fields = new Map<string, string>();
  const files = new Map<string, UploadedFile>();
  const delimiter = Buffer.from(`--${boundary}`);
  const nextDelimiter = Buffer.from(`\r\n--${boundary}`);

  let pos = body.indexOf(delimiter);
  if (pos < 0) throw new MultipartError("boundary not found");
  pos += delimiter.length;
  for (;;) {
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break; // closing "--boundary--"
    // Skip transport padding up to the CRLF ending the delimiter line.
    const lineEnd = body.indexOf(CRLF, pos);
    if (lineEnd < 0) throw new MultipartError("truncated body");
    const headersStart = lineEnd + 2;
    const headersEnd = body.indexOf(HEADER_END, headersStart);
    if (headersEnd < 0) throw new MultipartError("truncated part headers");
    const headers = parseHeaders(body.toString("utf8", headersStart, headersEnd));
    const contentStart = headersEnd + 4;
    const contentEnd = body.indexOf(nextDelimiter, contentStart);
    if (contentEnd < 0) throw new MultipartError("missing closing boundary");
    const disposition = headers.get("content-disposition");
    if (!disposition) throw new MultipartError("part without content-disposition");
    const { name, filename } = parseDisposition(disposition);
    if (name !== undefined) {
      if (filename !== undefined) {
        // Copy so the (possibly large) request body can be collected.
        files.set(name, {
          partName: name,
          fileName: filename,
          contentType: headers.get("content-type"),
          data: Buffer.from(body.subarray(contentStart, contentEnd)),
        });
      } else {
        fields.set(name, body.toString("utf8", contentStart, contentEnd));
      }
    }
    pos = contentEnd + nextDelimiter.length;
  }
  return { fields, files };
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** TDLib's reading of `form-data; key=value; key="quoted"` (unquoted values end at ';'). */
export function parseDisposition(value: string): { name?: string; filename?: string } {
  if (!/^form-data\s*;/i.test(value)) throw new MultipartError("expected form-data content disposition");
  let rest = value.slice(value.indexOf(";") + 1);
  const params: Record<string, string> = {};
  for (;;) {
    rest = rest.trimStart();
    const eq = rest.indexOf("=");
    if (eq < 0) break;
    const key = rest.slice(0, eq).trim().toLowerCase();
    rest = rest.slice(eq + 1).trimStart();
    let val: string;
    if (rest.startsWith('"')) {
      let i = 1;
      let out = "";
      while (i < rest.length && rest[i] !== '"') {
        if (rest[i] === "\\" && i + 1 < rest.length) i++;
        out += rest[i];
        i++;
      }
      val = out;
      rest = rest.slice(i + 1);
      const semi = rest.indexOf(";");
      rest = semi < 0 ? "" : rest.slice(semi + 1);
    } else {
      const semi = rest.indexOf(";");
      val = semi < 0 ? rest : rest.slice(0, semi);
      rest = semi < 0 ? "" : rest.slice(semi + 1);
    }
    params[key] = val.trim();
  }
  let filename = params["filename"];
  const ext = params["filename*"];
  if (ext !== undefined) {
    const m = /^([^']*)'[^']*'(.*)$/.exec(ext);
    if (m) {
      try {
        filename = decodeURIComponent(m[2]!);
      } catch {
        // keep the plain filename
      }
    }
  }
  return { name: params["name"], filename };
}
