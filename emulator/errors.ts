/** A Spektrix-shaped error: JSON `{ message, problems }`, plus a numeric `code` on 409s. */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 500,
    message: string,
    readonly problems: string[] = [],
    readonly code?: number,
  ) {
    super(message);
  }
  body(): Record<string, unknown> {
    return { message: this.message, problems: this.problems, ...(this.code !== undefined ? { code: this.code } : {}) };
  }
}

export const notFound = (what: string, id: string) =>
  new ApiError(404, `${what} '${id}' was not found.`, [`No ${what.toLowerCase()} with id ${id}`]);
export const badRequest = (message: string, problems: string[] = []) =>
  new ApiError(400, message, problems.length ? problems : [message]);
