/**
 * The REST API of the reference server: {@link io.syncer.server.rest.RestApi} mounts it on a
 * Grizzly {@code HttpServer}; {@link io.syncer.server.rest.ServerStorage} opens the store and
 * services it uses.
 */
package io.syncer.server.rest;
