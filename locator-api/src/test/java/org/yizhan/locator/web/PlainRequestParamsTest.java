package org.yizhan.locator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.RequestParamMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;

/**
 * The plain resolver against Spring's own on the same requests: every parameter shape the
 * controllers use, with values that are plain, hostile, or just outside the plain path.
 */
class PlainRequestParamsTest {

    private static final long SEED = 20261127L;

    /** One method whose parameters have each shape the controllers use. */
    @SuppressWarnings("unused")
    void shapes(
            @RequestParam(required = false) @Nullable Double lat,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String crs,
            @RequestParam(required = false, defaultValue = "false") boolean openNow,
            @RequestParam(required = false) @Nullable Boolean flag,
            @RequestParam double required,
            @RequestParam("q") String named,
            @RequestParam(defaultValue = "25") Integer withDefault,
            @RequestParam(required = false) @Nullable Long other) {}

    @Test
    void resolvesWhatSpringResolvesAndRefusesWhatItRefuses() throws Exception {
        RequestParamMethodArgumentResolver spring = new RequestParamMethodArgumentResolver(null, false);
        PlainRequestParams.Resolver plain = new PlainRequestParams.Resolver(spring);
        ConfigurableWebBindingInitializer initializer = new ConfigurableWebBindingInitializer();
        initializer.setConversionService(new DefaultFormattingConversionService());
        ServletRequestDataBinderFactory binders = new ServletRequestDataBinderFactory(null, initializer);
        Method method = getClass()
                .getDeclaredMethod(
                        "shapes",
                        Double.class,
                        Integer.class,
                        String.class,
                        boolean.class,
                        Boolean.class,
                        double.class,
                        String.class,
                        Integer.class,
                        Long.class);
        System.out.println("PlainRequestParamsTest seed " + SEED);
        int plainAnswers = 0;
        for (List<String> values : values()) {
            for (int i = 0; i < method.getParameterCount(); i++) {
                // as a controller's parameter is seen: annotations with their aliases merged ("q" is the name)
                MethodParameter parameter = new HandlerMethod(this, method).getMethodParameters()[i];
                String name = i == 6 ? "q" : parameter.getParameterName();
                MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
                if (values != null) request.addParameter(name, values.toArray(String[]::new));
                Outcome expected =
                        outcome(() -> spring.resolveArgument(parameter, null, new ServletWebRequest(request), binders));
                Outcome actual =
                        outcome(() -> plain.resolveArgument(parameter, null, new ServletWebRequest(request), binders));
                assertThat(actual).as("%s = %s (seed %d)", name, values, SEED).isEqualTo(expected);
                if (expected.error() == null) plainAnswers++;
            }
        }
        assertThat(plainAnswers).isGreaterThan(1_000); // the comparison is not only of refusals
    }

    private record Outcome(@Nullable Object value, @Nullable Class<?> error) {}

    private interface Resolution {
        @Nullable
        Object resolve() throws Exception;
    }

    private static Outcome outcome(Resolution resolution) {
        try {
            Object value = resolution.resolve();
            // Double.equals tells -0.0 from 0.0 and NaN from NaN alike, as an answer would
            return new Outcome(value, null);
        } catch (Exception e) {
            return new Outcome(null, e.getClass());
        }
    }

    /** Null (the parameter absent), edge values, repeated parameters, and seeded random text. */
    private static List<@Nullable List<String>> values() {
        List<@Nullable List<String>> out = new ArrayList<>();
        out.add(null);
        for (String v : List.of(
                "",
                " ",
                "1",
                "-1",
                "0",
                "-0",
                "00",
                "007",
                "1.5",
                "-1.5",
                "31.2304",
                "121.4737",
                "1.",
                ".5",
                "-",
                "--1",
                "+1",
                " 1",
                "1 ",
                "1e3",
                "1E-3",
                "0x10",
                "-0x10",
                "#10",
                "NaN",
                "Infinity",
                "-Infinity",
                "1d",
                "1f",
                "1L",
                "abc",
                "true",
                "false",
                "TRUE",
                "False",
                "on",
                "off",
                "yes",
                "no",
                "1,2",
                "١٢",
                "2147483647",
                "2147483648",
                "-2147483648",
                "-2147483649",
                "999999999",
                "1000000000",
                "12345678901234567890",
                "0.1234567890123456789",
                "1.7976931348623157E309",
                "${user.home}",
                "#{1+1}",
                "wgs84")) {
            out.add(List.of(v));
        }
        out.add(List.of("1", "2"));
        out.add(List.of("", "1"));
        out.add(List.of("true", "false"));
        SplittableRandom random = new SplittableRandom(SEED);
        String alphabet = "0123456789.-+ eExaN";
        for (int i = 0; i < 3_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(8);
            for (int k = 0; k < length; k++) {
                // mostly digits, so many are plain numbers
                text.append(
                        random.nextInt(3) > 0
                                ? alphabet.charAt(random.nextInt(10))
                                : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            out.add(List.of(text.toString()));
        }
        return out;
    }
}
