import { errorResponse } from "@/lib/http/errors";

/**
 * Any address under /api that no route serves, by any method: the API's one error body, as JSON. Without this a
 * caller of the API got the site's HTML "page not found", which a script cannot read as an answer.
 */
function notFound(): Response {
  return errorResponse(404, "not-found", "There is no API at this address.");
}

export {
  notFound as GET,
  notFound as HEAD,
  notFound as POST,
  notFound as PUT,
  notFound as PATCH,
  notFound as DELETE,
  notFound as OPTIONS,
};
