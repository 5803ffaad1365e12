/**
 * What operators watch: the Vaadin sessions and UIs, and the business counters (registrations, deliveries,
 * crossings, exports) that Prometheus reads from /actuator/prometheus (decision 031). It listens to what the other
 * modules already publish and calls none of them.
 */
package org.fieldaid.ops;
