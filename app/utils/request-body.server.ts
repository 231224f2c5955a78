// Reads a request body with a hard byte limit before anything parses it, so an oversized upload costs no more than the limit.

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The upload is larger than ${Math.round(limit / 1024)} KB, so it was not read.`);
  }
}

/** The raw body, refused as soon as it passes `limit` bytes (whatever Content-Length claims). */
export async function readBodyLimited(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > limit) throw new BodyTooLargeError(limit);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(new ArrayBuffer(total));
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** Form data (url-encoded or multipart) parsed from a body read within `limit` bytes. */
export async function readFormLimited(request: Request, limit: number): Promise<FormData> {
  const body = await readBodyLimited(request, limit);
  const copy = new Request(request.url, {
    method: "POST",
    headers: { "Content-Type": request.headers.get("Content-Type") ?? "" },
    body: body as Uint8Array<ArrayBuffer>,
  });
  return copy.formData();
}
