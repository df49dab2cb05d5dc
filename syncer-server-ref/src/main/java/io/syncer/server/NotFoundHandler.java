package io.syncer.server;

import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every path no other handler serves: a JSON 404 in the REST API's error shape, instead of
 * Grizzly's HTML page (which names the server and its version). The path is not echoed back, so
 * nothing a client put in it (a token in a query string, say) is reflected or logged.
 */
final class NotFoundHandler extends HttpHandler {

  private static final Logger log = LoggerFactory.getLogger(NotFoundHandler.class);

  @Override
  public void service(Request request, Response response) throws Exception {
    log.debug("404 for {} {}", request.getMethod(), request.getRequestURI());
    response.setStatus(404);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(
        "{\"code\":\"no_such_resource\",\"message\":\"No such resource on this server\"}");
  }
}
