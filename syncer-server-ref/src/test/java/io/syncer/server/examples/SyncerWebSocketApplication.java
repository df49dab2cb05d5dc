package io.syncer.server.examples;

import io.syncer.core.jakarta.JakartaOptions;
import io.syncer.core.jakarta.JakartaServerEndpoint;
import io.syncer.core.room.RoomLimits;
import io.syncer.core.room.RoomServer;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;
import java.time.Duration;
import java.util.Set;

/**
 * "Embed Syncer", part 1: host the room authority in your own Jakarta WebSocket application. Any
 * container (Tomcat, Jetty, Undertow, Tyrus) finds this class when it scans the web application
 * and serves Syncer's protocol at {@code /ws/v1}.
 */
public class SyncerWebSocketApplication implements ServerApplicationConfig {

  /** One authority per application; close it when the application stops. */
  static final RoomServer ROOMS =
      RoomServer.builder()
          .limits(
              RoomLimits.builder()
                  .maxMembersPerRoom(16)
                  .stallTimeout(Duration.ofSeconds(15))
                  .build())
          .build();

  @Override
  public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
    return Set.of(JakartaServerEndpoint.config("/ws/v1", ROOMS, JakartaOptions.defaults()));
  }

  @Override
  public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
    return Set.of();
  }
}
