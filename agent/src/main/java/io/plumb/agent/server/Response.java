package io.plumb.agent.server;

/**
 * A {@code Response} is what a route answers: a status, a content type and a body.
 *
 * @param status the HTTP status
 * @param contentType the content type
 * @param body the body
 */
record Response(int status, String contentType, String body) {

    static Response json(int status, String body) {
        return new Response(status, "application/json; charset=utf-8", body);
    }

    static Response html(String body) {
        return new Response(200, "text/html; charset=utf-8", body);
    }

    static Response notFound(String what) {
        return json(404, "{\"error\":" + Json.quote(what + " not found") + "}");
    }
}
