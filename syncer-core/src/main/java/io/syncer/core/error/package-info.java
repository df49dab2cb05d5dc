/**
 * Typed refusals shared by the account and library services.
 *
 * <p>Every refusal is a {@link io.syncer.core.error.ServiceException} with an {@link
 * io.syncer.core.error.ErrorKind} and a stable code; the subclasses let callers catch one kind.
 */
package io.syncer.core.error;
