/**
 * Time-based scheduling on an injected clock: {@link io.syncer.core.schedule.TaskScheduler} for
 * production timers and {@link io.syncer.core.schedule.VirtualScheduler} for virtual time.
 */
package io.syncer.core.schedule;
