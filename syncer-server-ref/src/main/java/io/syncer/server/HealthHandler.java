package io.syncer.server;

import io.syncer.core.room.RoomServer;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/** {@code GET /health}: 200 with a small JSON status, for load balancers and scripts. */
final class HealthHandler extends HttpHandler {

  private final RoomServer rooms;

  HealthHandler(RoomServer rooms) {
    this.rooms = rooms;
  }

  @Override
  public void service(Request request, Response response) throws Exception {
    if (!Method.GET.equals(request.getMethod()) && !Method.HEAD.equals(request.getMethod())) {
      response.setStatus(405);
      response.setHeader("Allow", "GET, HEAD");
      return;
    }
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(
        "{\"status\":\"ok\",\"rooms\":" + rooms.roomCount()
            + ",\"connections\":" + rooms.connectionCount() + "}");
  }
}
