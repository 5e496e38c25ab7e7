package org.yizhan.locator.config;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.yizhan.locator.web.ProblemWriter;

/**
 * Reads are public; every write needs an authorised account. For now the only account is the
 * bootstrap administrator from the environment; with no password configured, writes are off.
 * API clients authenticate with HTTP Basic on each request, so there is no session and no CSRF
 * token for the API.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemWriter problems) throws Exception {
        http
            .authorizeHttpRequests(auth -> auth
                .requestMatchers(HttpMethod.GET, "/**").permitAll()
                .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                .requestMatchers("/error").permitAll()
                .requestMatchers("/api/**").hasRole("ADMIN")
                .anyRequest().denyAll())
            .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                problems.write(response, HttpStatus.UNAUTHORIZED, "Sign-in required",
                    "Changing the register needs an authorised account (HTTP Basic).")))
            .exceptionHandling(ex -> ex
                .authenticationEntryPoint((request, response, e) ->
                    problems.write(response, HttpStatus.UNAUTHORIZED, "Sign-in required",
                        "Changing the register needs an authorised account (HTTP Basic)."))
                .accessDeniedHandler((request, response, e) ->
                    problems.write(response, HttpStatus.FORBIDDEN, "Not allowed",
                        "Your account may not make this change.")))
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
            .headers(headers -> headers
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .contentSecurityPolicy(csp -> csp.policyDirectives(
                    "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; "
                        + "script-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors *")))
            .cors(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(YizhanProperties properties, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        YizhanProperties.Admin admin = properties.admin();
        if (admin.password().isBlank()) {
            log.warn("No YIZHAN_ADMIN_PASSWORD set: the register is read-only.");
        } else {
            users.add(User.withUsername(admin.username()).password(encoder.encode(admin.password())).roles("ADMIN").build());
        }
        return new InMemoryUserDetailsManager(users);
    }
}
