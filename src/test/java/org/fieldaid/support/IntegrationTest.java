package org.fieldaid.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application with the demo data, on embedded PostgreSQL (or on H2 with {@code -Dfieldaid.test.database=h2},
 * see {@link TestDatabase}), served on a random port. Every test class
 * in the main test run uses this one context: Vaadin installs its security context holder strategy JVM-wide,
 * so a second Vaadin context in the same JVM would leave the first reading another holder. Tests that must start
 * their own application run in separate JVMs (see the surefire configuration).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@Import({SignIn.class, TestClock.Config.class})
@ContextConfiguration(initializers = TestDatabase.class)
public @interface IntegrationTest {
}
