/**
 * The REST API of the reference server: {@link io.syncer.server.rest.RestApi} mounts it on a
 * Grizzly {@code HttpServer} next to the WebSocket endpoint.
 */
package io.syncer.server.rest;
