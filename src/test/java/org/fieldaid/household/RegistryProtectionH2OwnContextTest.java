package org.fieldaid.household;

import org.fieldaid.support.SignIn;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** {@link RegistryProtectionContract} on H2, the default database, in a JVM of its own (see IntegrationTest). */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:protectiontest;DB_CLOSE_DELAY=-1")
@ActiveProfiles("demo")
@Import(SignIn.class)
class RegistryProtectionH2OwnContextTest extends RegistryProtectionContract {
}
