package org.fieldaid.support;

import com.vaadin.browserless.SpringBrowserlessTest;

/**
 * A view test without a browser, on the whole application and embedded PostgreSQL. Annotate each test with
 * {@link AsDemoUser} to run it as a real demo user.
 */
@IntegrationTest
public abstract class BrowserlessViewTest extends SpringBrowserlessTest {
}
