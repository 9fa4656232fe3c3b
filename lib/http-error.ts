/**
 * An error that carries the HTTP status a route answers with and an Indonesian sentence safe to
 * show. Route handlers pick the status from the type, never from the message's text.
 */
export class HttpError extends Error {
  constructor(
    public readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "HttpError";
  }
}
