package io.syncer.server;

import io.syncer.core.room.RoomServer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * {@code GET /health}: 200 with a small JSON status, for load balancers, monitoring and the load
 * benchmark: rooms and connections open, Java heap in use, and the collectors' accumulated time
 * and count (for stop-the-world collectors such as the default G1, time spent in pauses).
 */
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
    long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long gcMillis = 0;
    long gcCount = 0;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcMillis += Math.max(0, collector.getCollectionTime());
      gcCount += Math.max(0, collector.getCollectionCount());
    }
    response.getWriter().write(
        "{\"status\":\"ok\",\"rooms\":" + rooms.roomCount()
            + ",\"connections\":" + rooms.connectionCount()
            + ",\"heapUsedBytes\":" + heapUsed
            + ",\"gcMillis\":" + gcMillis
            + ",\"gcCount\":" + gcCount + "}");
  }
}
