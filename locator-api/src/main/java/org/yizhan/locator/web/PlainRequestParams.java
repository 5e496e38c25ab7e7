package org.yizhan.locator.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.RequestParamMethodArgumentResolver;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Resolves the common {@code @RequestParam} values (text, a plain decimal number, {@code true}
 * or {@code false}) straight from the query, and hands everything else to Spring's own resolver.
 * Spring creates a data binder, resolves expressions in the name and runs the conversion service
 * for every parameter; nearest has thirteen, and that was an eighth of its CPU time (JFR,
 * session 11). The values taken here are exactly those Spring would give ({@code
 * PlainRequestParamsTest} runs both on the same requests): a number with a plus sign, exponent,
 * hex prefix, blank or space, a repeated parameter, a missing required one or an empty one all go to
 * Spring, so its conversions, defaults and errors (and so the problem details) are unchanged.
 */
@Component
class PlainRequestParams implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof RequestMappingHandlerAdapter adapter && adapter.getArgumentResolvers() != null) {
            List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>(adapter.getArgumentResolvers());
            // The first RequestParamMethodArgumentResolver handles annotated parameters; the last
            // one, the catch-all for un-annotated simple types, stays as it is.
            for (int i = 0; i < resolvers.size(); i++) {
                if (resolvers.get(i) instanceof RequestParamMethodArgumentResolver spring) {
                    resolvers.set(i, new Resolver(spring));
                    break;
                }
            }
            adapter.setArgumentResolvers(resolvers);
        }
        return bean;
    }

    static final class Resolver implements HandlerMethodArgumentResolver {

        private final HandlerMethodArgumentResolver spring;

        Resolver(HandlerMethodArgumentResolver spring) {
            this.spring = spring;
        }

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return spring.supportsParameter(parameter);
        }

        @Override
        public @Nullable Object resolveArgument(
                MethodParameter parameter,
                @Nullable ModelAndViewContainer mavContainer,
                NativeWebRequest webRequest,
                @Nullable WebDataBinderFactory binderFactory)
                throws Exception {
            Object plain = plain(parameter, webRequest);
            return plain != NOT_PLAIN
                    ? plain
                    : spring.resolveArgument(parameter, mavContainer, webRequest, binderFactory);
        }

        private static final Object NOT_PLAIN = new Object();

        /** What a parameter's annotation says, read once per parameter as Spring's own resolver does. */
        private record Declared(
                String name, Class<?> type, @Nullable String defaultValue, boolean required) {}

        private static final Declared UNDECLARED = new Declared("", Object.class, null, false);

        private final Map<MethodParameter, Declared> declared = new ConcurrentHashMap<>();

        /** The value as Spring would resolve it, null for an absent optional one, or NOT_PLAIN. */
        private @Nullable Object plain(MethodParameter parameter, NativeWebRequest request) {
            Declared d = declared.computeIfAbsent(parameter, Resolver::declared);
            if (d == UNDECLARED) return NOT_PLAIN;
            String[] values = request.getParameterValues(d.name());
            if (values == null || (values.length == 1 && values[0].isEmpty())) {
                if (d.defaultValue() != null) return parsed(d.defaultValue(), d.type());
                if (values != null || d.required() || d.type().isPrimitive()) return NOT_PLAIN;
                return null;
            }
            return values.length == 1 ? parsed(values[0], d.type()) : NOT_PLAIN;
        }

        private static Declared declared(MethodParameter parameter) {
            RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
            Class<?> type = parameter.getParameterType();
            if (annotation == null || !plainType(type)) return UNDECLARED;
            String name = !annotation.name().isEmpty()
                    ? annotation.name()
                    : !annotation.value().isEmpty() ? annotation.value() : parameter.getParameterName();
            String defaultValue = annotation.defaultValue();
            boolean hasDefault = !ValueConstants.DEFAULT_NONE.equals(defaultValue);
            // placeholders and expressions in a name or default: Spring resolves those
            if (name == null || name.contains("${") || name.contains("#{")) return UNDECLARED;
            if (hasDefault && (defaultValue.contains("${") || defaultValue.contains("#{"))) return UNDECLARED;
            return new Declared(name, type, hasDefault ? defaultValue : null, annotation.required());
        }

        private static boolean plainType(Class<?> type) {
            return type == String.class
                    || type == Double.class
                    || type == Integer.class
                    || type == Boolean.class
                    || type == boolean.class;
        }

        private static Object parsed(String text, Class<?> type) {
            if (type == String.class) return text;
            if (type == Boolean.class || type == boolean.class) {
                if (text.equals("true")) return Boolean.TRUE;
                if (text.equals("false")) return Boolean.FALSE;
                return NOT_PLAIN;
            }
            if (!plainDecimal(text, type == Double.class)) return NOT_PLAIN;
            return type == Double.class ? (Object) Double.valueOf(text) : (Object) Integer.valueOf(text);
        }

        /**
         * Digits with an optional leading minus and (for a double) one point between digits: text
         * that Spring's {@code NumberUtils} parses with the same {@code valueOf} (it trims spaces
         * and reads hex first, so those go to it). An int keeps to nine digits, so it cannot overflow.
         */
        static boolean plainDecimal(String text, boolean allowPoint) {
            int start = text.charAt(0) == '-' ? 1 : 0;
            int digits = 0;
            boolean point = false;
            for (int i = start; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= '0' && c <= '9') {
                    digits++;
                } else if (c == '.' && allowPoint && !point && digits > 0 && i < text.length() - 1) {
                    point = true;
                } else {
                    return false;
                }
            }
            return digits > 0 && (allowPoint || digits <= 9);
        }
    }
}
