/**
 * Implementation details shared by the packages of syncer-core. Not API: may change in any
 * release.
 */
package io.syncer.core.internal;
