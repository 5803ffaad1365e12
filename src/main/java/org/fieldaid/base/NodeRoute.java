package org.fieldaid.base;

import org.apache.catalina.Context;
import org.apache.catalina.Engine;
import org.apache.catalina.Lifecycle;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * With several nodes behind nginx, each node ends its session ids with its own route ({@code FIELDAID_NODE_ROUTE},
 * for example {@code ABC123.node1}), Tomcat's {@code jvmRoute}. nginx reads the route from the session cookie and
 * sends every request of a session to the node that holds it, also after the new session id of a login (decision
 * 032). Without the property nothing changes.
 */
@Component
@ConditionalOnProperty("fieldaid.node.route")
class NodeRoute implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final String route;

    NodeRoute(@Value("${fieldaid.node.route}") String route) {
        if (!route.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("fieldaid.node.route must be letters, digits, _ or -: " + route);
        }
        this.route = route;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                engine(context).setJvmRoute(route);
            }
        }));
    }

    private static Engine engine(Context context) {
        return (Engine) context.getParent().getParent();
    }
}
