package org.fieldaid.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The few kinds of message a person gets after an action. Texts are already translated. */
public final class Notifications {

    private Notifications() {
    }

    public static void success(String text) {
        Notification n = Notification.show(text, 3000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.SUCCESS);
    }

    public static void error(String text) {
        Notification n = Notification.show(text, 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.ERROR);
    }
}
