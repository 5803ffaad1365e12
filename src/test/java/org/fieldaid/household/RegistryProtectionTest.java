package org.fieldaid.household;

import org.fieldaid.support.IntegrationTest;

/** {@link RegistryProtectionContract} on PostgreSQL. */
@IntegrationTest
class RegistryProtectionTest extends RegistryProtectionContract {
}
