package org.fieldaid.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The few kinds of message a person gets after an action. Texts are already translated. */
public final class Notifications {

    private Notifications() {
    }

    /**
     * At the top right, over the header: at the bottom left it covered the field a person fills next, on a tablet
     * (the outcome of a referral just accepted, for three seconds).
     */
    public static void success(String text) {
        Notification n = Notification.show(text, 3000, Notification.Position.TOP_END);
        n.addThemeVariants(NotificationVariant.SUCCESS);
    }

    public static void error(String text) {
        Notification n = Notification.show(text, 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.ERROR);
    }
}
