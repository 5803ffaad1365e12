package org.fieldaid.security;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.util.ClassUtils;

/**
 * Every public method of every feature service, found by scanning rather than listed: the beans in
 * {@code org.fieldaid} outside the views that are a {@code @Service}, that guard any method with
 * {@code @PreAuthorize}, or that are public (a feature's API that views and other features call).
 */
final class ServiceMethods {

    private ServiceMethods() {
    }

    /** @return each method by {@code SimpleClassName.method} */
    static Map<String, Method> discover() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        Map<String, Method> result = new TreeMap<>();
        for (var candidate : scanner.findCandidateComponents("org.fieldaid")) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(),
                    ServiceMethods.class.getClassLoader());
            if (!isService(type)) {
                continue;
            }
            for (Method method : publicMethods(type)) {
                String key = type.getSimpleName() + "." + method.getName();
                if (result.put(key, method) != null) {
                    throw new IllegalStateException(key + " is overloaded: give the access table a key that tells"
                            + " the overloads apart");
                }
            }
        }
        return result;
    }

    static boolean isService(Class<?> type) {
        String pkg = type.getPackageName();
        if (pkg.endsWith(".ui") || pkg.contains(".ui.") || fromTheTests(type)
                || AnnotatedElementUtils.hasAnnotation(type, Configuration.class)) {
            return false;
        }
        return AnnotatedElementUtils.hasAnnotation(type, Service.class) || Modifier.isPublic(type.getModifiers())
                || Arrays.stream(type.getDeclaredMethods()).anyMatch(m -> m.isAnnotationPresent(PreAuthorize.class));
    }

    /** The test sources' own beans ({@code SignIn}, clocks) are no feature's service. */
    private static boolean fromTheTests(Class<?> type) {
        var source = type.getProtectionDomain().getCodeSource();
        return source != null && source.getLocation().getPath().contains("test-classes");
    }

    static Method[] publicMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers())
                && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()).toArray(Method[]::new);
    }

    /** The method's own {@code @PreAuthorize}, or its class's. */
    static Optional<String> guard(Method method) {
        PreAuthorize own = method.getAnnotation(PreAuthorize.class);
        PreAuthorize onClass = method.getDeclaringClass().getAnnotation(PreAuthorize.class);
        return Optional.ofNullable(own != null ? own : onClass).map(PreAuthorize::value);
    }
}
